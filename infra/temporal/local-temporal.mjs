import { LaunchError } from '../lib/log.mjs';

const KINDS = ['dev', 'server'];

/**
 * Which Temporal the launchers start when TEMPORAL_ADDRESS names none: `dev` (the default), the
 * CLI's dev server on SQLite; `server`, Temporal's own server on the project's PostgreSQL, the
 * shape a ministry deploys. Read from AMIFLOW_TEMPORAL by `npm start`, `npm test` and the benches.
 */
export function localTemporalKind(env = process.env) {
  const kind = env.AMIFLOW_TEMPORAL?.trim() || 'dev';
  if (!KINDS.includes(kind)) {
    throw new LaunchError(`AMIFLOW_TEMPORAL=${kind}: expected one of ${KINDS.join(', ')}`);
  }
  return kind;
}
