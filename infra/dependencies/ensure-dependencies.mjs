import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { step } from '../lib/log.mjs';
import { workspaceRoot } from '../lib/paths.mjs';
import { run } from '../lib/processes.mjs';

const stampFile = join(workspaceRoot, 'node_modules', '.amiflow-lock-hash');

/** Installs the npm dependencies when node_modules is missing or older than package-lock.json. */
export async function ensureDependencies() {
  const lock = readFileSync(join(workspaceRoot, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return;
  const fresh = !existsSync(join(workspaceRoot, 'node_modules'));
  await step(
    fresh ? 'Installing npm dependencies (npm ci, about a minute)' : 'Updating npm dependencies',
    () => run('npm', [fresh ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: workspaceRoot }),
  );
  writeFileSync(stampFile, hash);
}
