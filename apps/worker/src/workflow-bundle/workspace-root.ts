import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding nx.json, found from here whether we run from sources or from dist/. */
export function workspaceRoot(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'nx.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No nx.json above ${from}: not inside the workspace`);
    folder = parent;
  }
  return folder;
}
