// `npm run bench:<name>`: builds, provides a scratch database on the project's PostgreSQL, runs
// dist/…/<name>.bench.js against it, and drops the database afterwards.
import { join } from 'node:path';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';
import { LaunchError, say } from './lib/log.mjs';
import { dataDir, workspaceRoot } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';

const BENCHMARKS = {
  'event-store': 'libs/persistence/src/bench/event-store.bench.js',
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
  try {
    say(`Running ${name} on ${databaseName}`);
    await run(process.execPath, ['-r', aliasHook, join(distDir, BENCHMARKS[name])], {
      cwd: workspaceRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    });
  } finally {
    await dropDatabase(postgres.serverUrl, databaseName);
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(
    `[amiflow] ${error instanceof LaunchError ? error.message : (error.stack ?? error)}`,
  );
  process.exit(1);
});
