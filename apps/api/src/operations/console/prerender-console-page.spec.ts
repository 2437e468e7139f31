import {
  prerenderedRoot,
  SESSION_COOKIE,
  sessionFromCookie,
  splitTemplate,
} from './prerender-console-page';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const session = {
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoib3BlcmF0b3IifQ.c2lnbmF0dXJl',
  role: 'operator',
  subject: 'instructeur-1',
  organisationId: undefined,
  expiresAt: NOW + 3_600_000,
  via: 'development',
};
const cookie = (value: unknown) =>
  `theme=dark; ${SESSION_COOKIE}=${encodeURIComponent(JSON.stringify(value))}; other=1`;

describe('the session a console page’s cookie carries', () => {
  it('is the session the console stored, among the other cookies', () => {
    expect(sessionFromCookie(cookie(session), NOW)).toEqual(session);
  });

  it('keeps only the session’s own fields', () => {
    expect(sessionFromCookie(cookie({ ...session, admin: true }), NOW)).toEqual(session);
  });

  it('is none once the token has expired', () => {
    expect(sessionFromCookie(cookie({ ...session, expiresAt: NOW }), NOW)).toBeUndefined();
  });

  it.each([
    ['no cookie at all', undefined],
    ['no session cookie', 'theme=dark'],
    ['an empty one', `${SESSION_COOKIE}=`],
    ['one that is not JSON', `${SESSION_COOKIE}=%7Bnot-json`],
    ['one that is not URL-encoded', `${SESSION_COOKIE}=%E0%A4%A`],
    ['JSON that is not an object', cookie('a token')],
    ['null', cookie(null)],
    ['a session without a token', cookie({ ...session, token: undefined })],
    ['a token that could not go in a header', cookie({ ...session, token: 'a b\r\nx: y' })],
    ['an unknown role', cookie({ ...session, role: 'superuser' })],
    ['an expiry that is not a number', cookie({ ...session, expiresAt: '2099-01-01' })],
    ['a subject that is not text', cookie({ ...session, subject: 42 })],
    ['an unknown way of signing in', cookie({ ...session, via: 'magic' })],
  ])('is none with %s', (_case, header) => {
    expect(sessionFromCookie(header, NOW)).toBeUndefined();
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
    expect(
      prerenderedRoot('<h1>AMI $& santé</h1>', {
        subject: 'instructeur-1',
        state: { queries: [] },
      }),
    ).toBe(
      '<div id="root"><h1>AMI $& santé</h1></div><script type="application/json" id="amiflow-prerendered">' +
        '{"subject":"instructeur-1","state":{"queries":[]}}</script>',
    );
  });

  it('keeps any text in the answers from ending their block', () => {
    const title = '</script><script>alert(1)</script>';
    const root = prerenderedRoot('', { subject: undefined, state: { title } });
    const block = /<script type="application\/json" id="amiflow-prerendered">(.*?)<\/script>/.exec(
      root,
    )?.[1];
    expect(block).not.toMatch(/</);
    expect(JSON.parse(block ?? '')).toEqual({ state: { title } });
  });
});
