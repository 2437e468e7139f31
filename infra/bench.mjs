// `npm run bench:<name>`: builds, provides a scratch database on the project's PostgreSQL (and,
// when the benchmark needs one, a Temporal dev server on a scratch SQLite file, or with
// AMIFLOW_TEMPORAL=server Temporal's own server on scratch databases), runs
// dist/…/<name>.bench.js against them, and removes them all afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';
import { LaunchError, say } from './lib/log.mjs';
import { dataDir, workspaceRoot } from './lib/paths.mjs';
import { freePort, run, Supervisor } from './lib/processes.mjs';
import { localTemporalKind } from './temporal/local-temporal.mjs';

const BENCHMARKS = {
  'event-store': { script: 'libs/persistence/src/bench/event-store.bench.js' },
  lifecycle: { script: 'apps/worker/src/bench/lifecycle.bench.js', temporal: true },
  api: { script: 'apps/api/src/bench/api.bench.js', temporal: true },
  console: { script: 'apps/api/src/bench/console.bench.js', temporal: true },
  synthesis: { script: 'apps/api/src/bench/synthesis.bench.js', temporal: true },
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
  const scratchDatabases = [];
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
    if (BENCHMARKS[name].temporal) {
      const temporal =
        localTemporalKind() === 'server'
          ? await startFullServer(supervisor, scratch, postgres.serverUrl, scratchDatabases)
          : await startTemporal(supervisor, scratch);
      Object.assign(env, temporal);
    }
    say(`Running ${name} on ${databaseName}`);
    await run(process.execPath, ['-r', aliasHook, join(distDir, BENCHMARKS[name].script)], {
      cwd: workspaceRoot,
      env,
    });
  } finally {
    await supervisor.stopAll();
    for (const database of [databaseName, ...scratchDatabases]) {
      await dropDatabase(postgres.serverUrl, database);
    }
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

/**
 * AMIFLOW_TEMPORAL=server: Temporal's own server (four history shards) on two scratch databases
 * of the project's PostgreSQL, with its default settings.
 */
async function startFullServer(supervisor, scratch, serverUrl, scratchDatabases) {
  const { ensureTemporalServer } = await import('./temporal/temporal-server.mjs');
  const { startTemporalServer, NUM_HISTORY_SHARDS } = await import('./temporal/full-server.mjs');
  const namespace = 'amiflow-bench';
  const databases = {
    main: `temporal_bench_${process.pid}`,
    visibility: `temporal_visibility_bench_${process.pid}`,
  };
  scratchDatabases.push(databases.main, databases.visibility);
  const { address } = await startTemporalServer(supervisor, {
    programs: await ensureTemporalServer(),
    serverUrl,
    databases,
    namespace,
    retentionDays: 1,
    workDir: scratch,
    logFile: join(scratch, 'temporal.log'),
  });
  say(`Temporal's server on ${address} (PostgreSQL, ${NUM_HISTORY_SHARDS} history shards)`);
  return { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace };
}

main().catch((error) => {
  console.error(
    `[amiflow] ${error instanceof LaunchError ? error.message : (error.stack ?? error)}`,
  );
  process.exit(1);
});
