// `npm run bench:<name>`: builds, provides a scratch database on the project's PostgreSQL (and,
// when the benchmark needs one, a Temporal dev server on a scratch SQLite file), runs
// dist/…/<name>.bench.js against them, and removes both afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';
import { LaunchError, say } from './lib/log.mjs';
import { dataDir, workspaceRoot } from './lib/paths.mjs';
import { freePort, run, Supervisor } from './lib/processes.mjs';

const BENCHMARKS = {
  'event-store': { script: 'libs/persistence/src/bench/event-store.bench.js' },
  lifecycle: { script: 'apps/worker/src/bench/lifecycle.bench.js', temporal: true },
  api: { script: 'apps/api/src/bench/api.bench.js', temporal: true },
  console: { script: 'apps/api/src/bench/console.bench.js', temporal: true },
};

async function main() {
  const name = process.argv[2];
  if (!(name in BENCHMARKS))
    throw new LaunchError(
      `Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`,
    );
  await ensureDependencies();
  const { build, aliasHook, distDir } = await import('./build.mjs');
  const { ensurePostgresServer, ensureDatabase, dropDatabase } =
    await import('./postgres/ensure-postgres.mjs');
  await build();
  const postgres = await ensurePostgresServer(dataDir);
  const databaseName = `amiflow_bench_${process.pid}`;
  const databaseUrl = await ensureDatabase(postgres.serverUrl, databaseName);
  const scratch = mkdtempSync(join(tmpdir(), 'amiflow-bench-'));
  const supervisor = new Supervisor();
  try {
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      AUTH_JWT_SECRET: randomBytes(48).toString('base64url'),
      // The API bench loads one route from one token: it measures the route, not the limiter.
      RATE_LIMIT_PER_MINUTE: '100000000',
    };
    if (BENCHMARKS[name].temporal) Object.assign(env, await startTemporal(supervisor, scratch));
    say(`Running ${name} on ${databaseName}`);
    await run(process.execPath, ['-r', aliasHook, join(distDir, BENCHMARKS[name].script)], {
      cwd: workspaceRoot,
      env,
    });
  } finally {
    await supervisor.stopAll();
    await dropDatabase(postgres.serverUrl, databaseName);
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Temporal's own stress settings for its SQLite store (docs/architecture.md, known pitfalls), on a scratch file. */
async function startTemporal(supervisor, scratch) {
  const { ensureTemporalCli } = await import('./temporal/temporal-cli.mjs');
  const { startTemporalDevServer } = await import('./temporal/dev-server.mjs');
  const namespace = 'amiflow-bench';
  const { address } = await startTemporalDevServer(supervisor, {
    cli: await ensureTemporalCli(),
    port: await freePort(),
    namespace,
    dbFile: join(scratch, 'temporal.sqlite'),
    logFile: join(scratch, 'temporal.log'),
    sqlitePragmas: ['journal_mode=wal', 'synchronous=off'],
  });
  say(`Temporal dev server on ${address} (SQLite, journal_mode=wal, synchronous=off)`);
  return { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace };
}

main().catch((error) => {
  console.error(
    `[amiflow] ${error instanceof LaunchError ? error.message : (error.stack ?? error)}`,
  );
  process.exit(1);
});
