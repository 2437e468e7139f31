import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withBuildLock } from '../lib/build-lock.mjs';
import { LaunchError, say, step } from '../lib/log.mjs';
import { cacheDir } from '../lib/paths.mjs';
import { capture, run } from '../lib/processes.mjs';

/**
 * Temporal's own server, the shape a ministry would deploy (not the CLI's dev server), and its SQL
 * schema tool, built from Temporal's Go module. v1.32.0 asks for Go 1.26.8, the machines' own
 * (v1.31.5 and v1.32.2 need a newer one); v1.31.3 and v1.31.4 would too, but they require
 * go.temporal.io/auto-scaled-workers v0.0.0-1.31.2, whose source the Go module proxy refuses
 * ("not available"). The module has no `replace` directive, so `go install` builds it as
 * published.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.32.0';
const MODULE = 'go.temporal.io/server';
const PROGRAMS = [
  { path: 'cmd/server', built: 'server', name: 'temporal-server' },
  { path: 'cmd/tools/sql', built: 'sql', name: 'temporal-sql-tool' },
];

/**
 * The server and its schema tool: `{ server, sqlTool }`, absolute paths of executables kept in
 * `<AMIFLOW_CACHE_DIR>/temporal-server/<version>/`, built there once with `go install` when
 * missing. Throws a LaunchError without a Go toolchain or when a build fails.
 */
export async function ensureTemporalServer() {
  const folder = join(cacheDir, 'temporal-server', TEMPORAL_SERVER_VERSION);
  const paths = Object.fromEntries(PROGRAMS.map(({ name }) => [name, join(folder, name)]));
  const built = () => Object.values(paths).every(isExecutable);
  if (!built()) {
    await withBuildLock(folder, `Temporal's server ${TEMPORAL_SERVER_VERSION}`, async () => {
      if (!built()) await build(folder);
    });
  }
  return { server: paths['temporal-server'], sqlTool: paths['temporal-sql-tool'] };
}

async function build(folder) {
  await capture('go', ['version']).catch(() => {
    throw new LaunchError(
      `Temporal's server ${TEMPORAL_SERVER_VERSION} is not built yet and there is no Go toolchain ` +
        'to build it: install Go (1.26.8 or later).',
    );
  });
  say(`Building Temporal's server ${TEMPORAL_SERVER_VERSION} and its SQL tool into ${folder}.`);
  say('This happens once per machine.');
  // Built into a scratch folder and moved in place, so an interrupted build never leaves a
  // half-written binary that later runs would trust.
  const scratch = join(folder, `.build-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const heartbeat = setInterval(() => say("  …still building Temporal's server"), 30_000);
  try {
    for (const { path, built, name } of PROGRAMS) {
      const spec = `${MODULE}/${path}@${TEMPORAL_SERVER_VERSION}`;
      await step(`go install ${spec}`, () =>
        run('go', ['install', spec], {
          env: { ...process.env, GOBIN: scratch },
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      );
      renameSync(join(scratch, built), join(folder, name));
    }
  } finally {
    clearInterval(heartbeat);
    rmSync(scratch, { recursive: true, force: true });
  }
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// `node infra/temporal/temporal-server.mjs`: builds them if needed and prints where they are.
if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTemporalServer().then(
    (programs) => console.log(JSON.stringify(programs)),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
