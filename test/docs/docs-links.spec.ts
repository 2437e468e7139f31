import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

function filesUnder(folder: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

const markdown = ['README.md', ...filesUnder('docs', (path) => path.endsWith('.md'))];

/** `[text](target)` links of a Markdown file that are not web addresses. */
function localLinks(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target)
    .filter((target) => !/^[a-z]+:/.test(target));
}

/** The anchors GitHub gives a Markdown file's headings. */
function anchorsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  );
}

/** Whether a link's file exists inside the repository, and its anchor in it if it has one. */
function resolves(file: string, target: string): boolean {
  const [pathPart, anchor] = target.split('#');
  const path = pathPart === '' ? join(root, file) : resolve(dirname(join(root, file)), pathPart);
  if (relative(root, path).startsWith('..') || !existsSync(path)) return false;
  return anchor === undefined || !path.endsWith('.md') || anchorsOf(path).includes(anchor);
}

describe('the documentation', () => {
  it.each(markdown)(
    '%s links only to files (and headings) of the repository that exist',
    (file) => {
      const broken = localLinks(file).filter((target) => !resolves(file, target));
      expect(broken).toEqual([]);
    },
  );

  it('is pointed to from inside the repository only: no file names a design file outside it', () => {
    const sources = ['apps', 'activities', 'workflows', 'libs', 'infra', 'test', 'docs', '.ci']
      .flatMap((folder) =>
        filesUnder(folder, (path) => /\.(ts|tsx|mjs|cjs|js|md|json)$|^\.ci\//.test(path)),
      )
      .filter((path) => !path.includes('histories'));
    const outside = [...sources, 'README.md', 'eslint.config.mjs', 'package.json'].filter((path) =>
      /shared\/[A-Z]+\.md|DESIGN\.md|STYLE\.md|REFERENCES\.md/.test(
        readFileSync(join(root, path), 'utf8'),
      ),
    );
    expect(outside).toEqual([]);
  });

  it('lists in docs/versioning.md every patch id the workflows ask', () => {
    const code = filesUnder('workflows/src', (path) => path.endsWith('.ts'))
      .concat(filesUnder('libs/contracts/src', (path) => path.endsWith('.ts')))
      .map((path) => readFileSync(join(root, path), 'utf8'))
      .join('\n');
    const constants = new Map(
      [...code.matchAll(/const ([A-Z_]+) = '([a-z-]+)';/g)].map(([, name, id]) => [name, id]),
    );
    const asked = [...code.matchAll(/patched\(\s*([A-Z_]+|'[a-z-]+')\s*\)/g)].map(([, argument]) =>
      argument.startsWith("'") ? argument.slice(1, -1) : constants.get(argument),
    );
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).not.toContain(undefined);
    const versioning = readFileSync(join(root, 'docs/versioning.md'), 'utf8');
    expect(asked.filter((id) => !versioning.includes(`| \`${String(id)}\``))).toEqual([]);
  });

  it('gives in docs/architecture.md the import rules eslint.config.mjs enforces, tag by tag', () => {
    const lint = readFileSync(join(root, 'eslint.config.mjs'), 'utf8');
    const rules = [
      ...lint.matchAll(/sourceTag: '([^']+)',\s*onlyDependOnLibsWithTags: \[([^\]]*)\]/g),
    ].map(([, tag, allowed]) => ({
      tag,
      allowed: [...allowed.matchAll(/'([^']+)'/g)].map(([, name]) => name).sort(),
    }));
    const projects = ['apps', 'libs', '.']
      .flatMap((folder) =>
        readdirSync(join(root, folder)).map((name) => join(folder, name, 'project.json')),
      )
      .filter((path) => existsSync(join(root, path)))
      .map((path) => ({
        folder: dirname(path),
        tags:
          (JSON.parse(readFileSync(join(root, path), 'utf8')) as { tags?: string[] }).tags ?? [],
      }));
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const documented = rules.map(({ tag }) => {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${tag}\``));
      const [, , folders = '', allowed = ''] = (row ?? '').split('|').map((cell) => cell.trim());
      const named = (cell: string) =>
        [...cell.matchAll(/`([^`]+)`/g)].map(([, name]) => name).sort();
      return { tag, folders: named(folders), allowed: named(allowed) };
    });
    expect(documented).toEqual(
      rules.map(({ tag, allowed }) => ({
        tag,
        folders: projects
          .filter((project) => project.tags.includes(tag))
          .map((project) => project.folder)
          .sort(),
        allowed,
      })),
    );
  });
});
