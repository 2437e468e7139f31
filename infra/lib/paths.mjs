import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Project state (Temporal and embedded PostgreSQL data, logs): ignored by git. */
export const dataDir = resolve(process.env.AMIFLOW_DATA_DIR ?? join(workspaceRoot, '.data'));

/** Built tools reused across clones (the Temporal CLI, embedded PostgreSQL). */
export const cacheDir = resolve(
  process.env.AMIFLOW_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'amiflow'),
);
