import {
  accepts,
  prerenderedRoot,
  SESSION_COOKIE,
  splitTemplate,
  tokenFromCookie,
} from './prerender-console-page';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoib3BlcmF0b3IifQ.c2lnbmF0dXJl';

describe('the token a console page’s session cookie carries', () => {
  it('is the token the console stored, among the other cookies', () => {
    expect(tokenFromCookie(`theme=dark; ${SESSION_COOKIE}=${token}; other=1`)).toBe(token);
    expect(tokenFromCookie(`${SESSION_COOKIE}=${encodeURIComponent('opaque/token+1=')}`)).toBe(
      'opaque/token+1=',
    );
  });

  it.each([
    ['no cookie at all', undefined],
    ['no session cookie', 'theme=dark'],
    ['an empty one', `${SESSION_COOKIE}=`],
    ['one that does not decode', `${SESSION_COOKIE}=%E0%A4%A`],
    ['a token that could not go in a header', `${SESSION_COOKIE}=a%20b%0D%0Ax%3A%20y`],
  ])('is none with %s', (_case, header) => {
    expect(tokenFromCookie(header)).toBeUndefined();
  });
});

describe('the console page with a campaign page drawn in', () => {
  const template =
    '<!doctype html>\n<html lang="fr" data-fr-scheme="light">\n<head><script>early()</script></head>' +
    '<body><div id="root"></div><script type="module" src="/console/assets/main.js"></script></body></html>';

  it('sends the head first, saying on <html> that the page is drawn in, then the root and the rest', () => {
    const { head, tail } = splitTemplate(template);
    expect(head).toBe(
      '<!doctype html>\n<html data-prerendered lang="fr" data-fr-scheme="light">\n' +
        '<head><script>early()</script></head><body>',
    );
    expect(tail).toBe(
      '<script type="module" src="/console/assets/main.js"></script></body></html>',
    );
  });

  it('refuses a page without its empty root, rather than draw the screens nowhere', () => {
    expect(() => splitTemplate('<html><body><main></main></body></html>')).toThrow(/root/);
  });

  it('has the markup in the root, and the answers beside it', () => {
    expect(prerenderedRoot('<h1>AMI $& santé</h1>', { queries: [] })).toBe(
      '<div id="root"><h1>AMI $& santé</h1></div><script type="application/json" id="amiflow-prerendered">' +
        '{"queries":[]}</script>',
    );
  });

  it('keeps any text in the answers from ending their block', () => {
    const title = '</script><script>alert(1)</script>';
    const root = prerenderedRoot('', { title });
    const block = /<script type="application\/json" id="amiflow-prerendered">(.*?)<\/script>/.exec(
      root,
    )?.[1];
    expect(block).not.toMatch(/</);
    expect(JSON.parse(block ?? '')).toEqual({ title });
  });
});

describe('the encodings a browser accepts', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br', true],
    ['gzip;q=1.0, br;q=0.5', 'br', true],
    ['BR', 'br', true],
    ['gzip, br;q=0', 'br', false],
    ['gzip, br;q=0.000', 'br', false],
    ['gzip', 'br', false],
    ['brotli', 'br', false],
    ['', 'gzip', false],
  ])('%j names %s: %s', (header, coding, accepted) => {
    expect(accepts(header, coding)).toBe(accepted);
  });
});
