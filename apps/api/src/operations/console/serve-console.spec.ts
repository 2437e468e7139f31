import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScriptHashes } from './serve-console';

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
