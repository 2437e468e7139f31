import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

// docs/architecture.md: no import cycle, inside a project or between projects. The graph is read
// from the sources as TypeScript resolves them (relative paths and the @amiflow/* aliases of
// tsconfig.base.json, barrels included); `import type` and `export type` are left out, as they
// vanish from the compiled code. Any cycle fails the test, named file by file.

const root = join(__dirname, '..', '..');
const FOLDERS = ['libs', 'workflows', 'activities', 'apps'];

function sourcesUnder(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(folder, name);
    if (statSync(join(root, path)).isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.base.json'), (path) =>
    ts.sys.readFile(path),
  ) as {
    config: { compilerOptions: object };
  };
  return ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options;
}

/** The module names a source imports or re-exports at run time, dynamic imports included. */
function importedNames(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8');
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, kind);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      if (ts.isStringLiteral(node.moduleSpecifier)) names.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) names.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      names.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Each source of the repository's projects, with the sources of the repository it imports. */
export function importGraph(): Map<string, string[]> {
  const options = compilerOptions();
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  const files = FOLDERS.flatMap(sourcesUnder);
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importedNames(file).flatMap((name) => {
        const resolved = ts.resolveModuleName(name, join(root, file), options, ts.sys, cache)
          .resolvedModule?.resolvedFileName;
        const target = resolved === undefined ? undefined : relative(root, resolved);
        return target !== undefined && known.has(target) ? [target] : [];
      }),
    ]),
  );
}

/** The cycles of a graph: its strongly connected components of two files or more, or a file that imports itself (Tarjan). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return cycles;
}

describe('the import graph of libs, workflows, activities and apps', () => {
  it('finds a cycle where there is one', () => {
    const example = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts', 'd.ts']],
      ['e.ts', []],
    ]);
    expect(cyclesOf(example)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
  });

  let graph: Map<string, string[]>;
  beforeAll(() => {
    graph = importGraph();
  });

  it('reads the imports of the sources, aliases and barrels resolved', () => {
    expect(graph.size).toBeGreaterThan(500);
    expect(graph.get('workflows/src/dossier/dossier.workflow.ts')).toContain(
      'libs/domain/src/index.ts',
    );
  });

  it('has no cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });
});
