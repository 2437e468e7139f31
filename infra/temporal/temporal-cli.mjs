import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withBuildLock } from '../lib/build-lock.mjs';
import { LaunchError, say, step } from '../lib/log.mjs';
import { cacheDir } from '../lib/paths.mjs';
import { capture, run } from '../lib/processes.mjs';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;

/**
 * The Temporal CLI, whose dev server we run: TEMPORAL_CLI_PATH, else `temporal` on PATH, else
 * the copy built earlier into the cache, else built now with `go install`.
 */
export async function ensureTemporalCli() {
  const configured = process.env.TEMPORAL_CLI_PATH;
  if (configured) {
    if (!isExecutable(configured)) {
      throw new LaunchError(`TEMPORAL_CLI_PATH=${configured} is not an executable file`);
    }
    return configured;
  }
  const onPath = await capture('sh', ['-c', 'command -v temporal']).catch(() => '');
  if (onPath.trim()) return onPath.trim();

  const folder = join(cacheDir, 'temporal-cli', TEMPORAL_CLI_VERSION);
  const binary = join(folder, 'temporal');
  if (isExecutable(binary)) return binary;
  await withBuildLock(folder, `the Temporal CLI ${TEMPORAL_CLI_VERSION}`, async () => {
    if (!isExecutable(binary)) await build(folder, binary);
  });
  return binary;
}

async function build(folder, binary) {
  await capture('go', ['version']).catch(() => {
    throw new LaunchError(
      'No Temporal CLI found and no Go toolchain to build one. Install Go (1.23 or later), put ' +
        '`temporal` on PATH, or set TEMPORAL_CLI_PATH.',
    );
  });
  say(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} into ${folder}.`);
  say(
    'This happens once per machine: Go fetches a few hundred MB of modules; about 3 to 6 minutes on 2 cores.',
  );
  // Build into a scratch folder and move the binary in place, so an interrupted build never
  // leaves a half-written binary that later runs would trust.
  const scratch = join(folder, `.build-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  const heartbeat = setInterval(() => say('  …still building the Temporal CLI'), 30_000);
  try {
    await step(`go install ${MODULE}`, () =>
      run('go', ['install', MODULE], {
        env: { ...process.env, GOBIN: scratch },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    renameSync(join(scratch, 'temporal'), binary);
  } finally {
    clearInterval(heartbeat);
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(binary)) throw new LaunchError(`go install finished but ${binary} is missing`);
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
