import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderDomainDocs } from './domain-docs';

const root = join(__dirname, '..', '..');

describe('the generated pages of docs/domain', () => {
  let rendered: [string, string][];

  beforeAll(() => {
    rendered = Object.entries(renderDomainDocs());
    // `npm run docs:domain` runs this file with AMIFLOW_WRITE_DOCS=1 to write them.
    if (process.env.AMIFLOW_WRITE_DOCS === '1') {
      for (const [path, text] of rendered) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    }
  });

  it('are what `npm run docs:domain` writes from the code (run it after changing the domain)', () => {
    for (const [path, text] of rendered) {
      const committed = (() => {
        try {
          return readFileSync(join(root, path), 'utf8');
        } catch {
          return `(${path} is missing)`;
        }
      })();
      expect({ path, text: committed }).toEqual({ path, text });
    }
  });
});
