// `npm run rebuild-read-models [-- --replace]`: builds, finds the database `npm start` uses
// (DATABASE_URL, or `amiflow` on the project's PostgreSQL), and replays every event into fresh
// read models, compared with the live ones (see libs/persistence/src/cli/rebuild-read-models.cli.ts).
import { join } from 'node:path';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';
import { LaunchError, say } from './lib/log.mjs';
import { dataDir, workspaceRoot } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';

async function main() {
  await ensureDependencies();
  const { build, aliasHook, distDir } = await import('./build.mjs');
  const { ensurePostgresServer, ensureDatabase, redact } =
    await import('./postgres/ensure-postgres.mjs');
  await build();
  const postgres = await ensurePostgresServer(dataDir);
  const databaseUrl =
    process.env.DATABASE_URL ?? (await ensureDatabase(postgres.serverUrl, 'amiflow'));
  try {
    say(`Rebuilding the read models of ${redact(databaseUrl)}`);
    // The child prints its own report; its exit code (1 = the read models differ) is ours.
    await run(
      process.execPath,
      [
        '-r',
        aliasHook,
        join(distDir, 'libs/persistence/src/cli/rebuild-read-models.cli.js'),
        ...process.argv.slice(2),
      ],
      { cwd: workspaceRoot, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } },
    ).catch(() => (process.exitCode = 1));
  } finally {
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(
    `[amiflow] ${error instanceof LaunchError ? error.message : (error.stack ?? error)}`,
  );
  process.exit(1);
});
