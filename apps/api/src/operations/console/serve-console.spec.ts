import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleFavicon, inlineScriptHashes } from './serve-console';

describe('the CSP sources of the console page’s inline scripts', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'amiflow-console-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('allows each inline script by the sha256 of its exact text, and no script file by a hash', () => {
    const inline = '(function(){const a="À traiter";fetch(`/campaigns/${a}`)})();';
    writeFileSync(
      join(directory, 'index.html'),
      `<head><script>${inline}</script>\n<script type="module" crossorigin src="/console/assets/index.js"></script></head>`,
    );
    const digest = createHash('sha256').update(Buffer.from(inline, 'utf8')).digest('base64');
    expect(inlineScriptHashes(directory)).toEqual([`'sha256-${digest}'`]);
  });

  it('allows none without a built console', () => {
    expect(inlineScriptHashes(directory)).toEqual([]);
  });
});

describe('the console’s favicon', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'amiflow-console-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('is the .ico that index.html links, as the build named it', () => {
    writeFileSync(
      join(directory, 'index.html'),
      '<head><link\n  rel="icon"\n  href="/console/assets/favicon-CduWKyBp.svg"\n  type="image/svg+xml"\n/>\n' +
        '<link rel="icon" href="/console/assets/favicon-BMkCb9zi.ico" sizes="any" /></head>',
    );
    expect(consoleFavicon(directory)).toBe('/console/assets/favicon-BMkCb9zi.ico');
  });

  it('is none without a built console, or one that links no icon', () => {
    expect(consoleFavicon(directory)).toBeUndefined();
    writeFileSync(join(directory, 'index.html'), '<head><title>amiflow</title></head>');
    expect(consoleFavicon(directory)).toBeUndefined();
  });
});
