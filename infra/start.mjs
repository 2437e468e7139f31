// `npm start`: installs what is missing, starts PostgreSQL (local or embedded, unless
// DATABASE_URL is set), Temporal (unless TEMPORAL_ADDRESS points elsewhere: the CLI's dev server,
// or with AMIFLOW_TEMPORAL=server Temporal's own server on that PostgreSQL), the worker and the
// API (then, on an empty database, the demo campaign), and stops them all on Ctrl-C.
import { join } from 'node:path';
import { authEnvironment } from './auth/dev-secret.mjs';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';
import { LaunchError, say, sinceStart, step, warn } from './lib/log.mjs';
import { dataDir, workspaceRoot } from './lib/paths.mjs';
import { prefixOutput } from './lib/prefix-output.mjs';
import { Supervisor, waitFor } from './lib/processes.mjs';

const supervisor = new Supervisor();
let stopPostgres = async () => {};
let shuttingDown = false;

async function main() {
  await ensureDependencies();
  // Loaded after the install: these need the npm dependencies.
  const { build, workflowBundlePath, aliasHook, distDir } = await import('./build.mjs');
  const { ensureTemporalCli } = await import('./temporal/temporal-cli.mjs');
  const { startTemporalDevServer } = await import('./temporal/dev-server.mjs');
  const { ensureTemporalServer } = await import('./temporal/temporal-server.mjs');
  const { startTemporalServer } = await import('./temporal/full-server.mjs');
  const { localTemporalKind } = await import('./temporal/local-temporal.mjs');
  const { startMailCatcher } = await import('./mail/start-mail-catcher.mjs');
  const { ensurePostgresServer, ensureDatabase, redact } =
    await import('./postgres/ensure-postgres.mjs');

  await build();

  // Found first: Temporal's own server (AMIFLOW_TEMPORAL=server) keeps its state there too.
  const postgres = await step('Finding PostgreSQL', () => ensurePostgresServer(dataDir));
  stopPostgres = postgres.stop;
  const databaseUrl =
    process.env.DATABASE_URL ?? (await ensureDatabase(postgres.serverUrl, 'amiflow'));

  const namespace = process.env.TEMPORAL_NAMESPACE || 'amiflow';
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi = process.env.TEMPORAL_UI_URL;
  let temporalKind = 'external';
  if (!temporalAddress && localTemporalKind() === 'server') {
    temporalKind = "Temporal's server on PostgreSQL";
    const programs = await step("Finding Temporal's server", ensureTemporalServer);
    const server = await step("Starting Temporal's server", () =>
      startTemporalServer(supervisor, {
        programs,
        serverUrl: postgres.serverUrl,
        databases: { main: 'temporal', visibility: 'temporal_visibility' },
        port: Number(process.env.TEMPORAL_PORT || 7233),
        namespace,
        // Closed workflows stay readable in Temporal for a week; the event store keeps them all.
        retentionDays: 7,
        workDir: join(dataDir, 'temporal-server'),
        logFile: join(dataDir, 'logs', 'temporal-server.log'),
      }),
    );
    temporalAddress = server.address;
  } else if (!temporalAddress) {
    temporalKind = 'dev server';
    const cli = await step('Finding the Temporal CLI', ensureTemporalCli);
    const server = await step('Starting the Temporal dev server', () =>
      startTemporalDevServer(supervisor, {
        cli,
        port: Number(process.env.TEMPORAL_PORT || 7233),
        uiPort: Number(process.env.TEMPORAL_UI_PORT || 8233),
        namespace,
        dbFile: join(dataDir, 'temporal', 'temporal.db'),
        logFile: join(dataDir, 'logs', 'temporal.log'),
      }),
    );
    temporalAddress = server.address;
    temporalUi = server.uiUrl;
  }

  // Mail goes to the local catcher unless SMTP_HOST names a real server.
  let mailCatcher;
  if (!process.env.SMTP_HOST) {
    mailCatcher = await step('Starting the mail catcher', () =>
      startMailCatcher(supervisor, {
        smtpPort: Number(process.env.SMTP_PORT || 1025),
        httpPort: Number(process.env.MAIL_CATCHER_PORT || 1080),
        dir: join(dataDir, 'mail'),
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
  }

  // The demo plays on an empty database (apps/demo). Meanwhile the worker and the API log
  // warnings only, unless LOG_LEVEL says otherwise: a line per request and per activity would
  // bury its progress line.
  const demo = process.env.DEMO !== 'off';
  const env = {
    ...process.env,
    ...(demo && !process.env.LOG_LEVEL && { LOG_LEVEL: 'warn' }),
    // The apps write JSON lines when their output is not a terminal; here a person reads them.
    LOG_FORMAT: process.env.LOG_FORMAT || 'pretty',
    ...authEnvironment(),
    ...(mailCatcher && { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailCatcher.smtpPort) }),
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    // The API links each dossier to its workflow in the Temporal UI.
    ...(temporalUi && { TEMPORAL_UI_URL: temporalUi }),
    WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH || workflowBundlePath,
  };
  supervisor.onUnexpectedExit = (name, code, signal) => {
    // The demo ends by itself when there is nothing to show (the database has a campaign).
    if (name === 'demo') {
      if (code !== 0) warn(`the demo stopped (${signal ?? `exit ${code}`}); the rest runs on`);
      return;
    }
    warn(`${name} exited unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
    void shutdown(1);
  };
  const startApp = (name, main) => {
    const child = supervisor.start(name, process.execPath, ['-r', aliasHook, join(distDir, main)], {
      cwd: workspaceRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefixOutput(child, name);
    return child;
  };
  startApp('worker', 'apps/worker/src/main.js');
  const api = startApp('api', 'apps/api/src/main.js');

  const apiUrl = `http://${process.env.API_HOST || '127.0.0.1'}:${process.env.API_PORT || 3000}`;
  await step('Waiting for the API to report healthy', () =>
    waitFor(`${apiUrl}/health`, async () => (await fetch(`${apiUrl}/health`)).ok, {
      timeoutMs: 120_000,
      alive: () => supervisor.isAlive(api),
    }),
  );

  say(`Ready in ${sinceStart()}. Ctrl-C stops everything.`);
  say(`  Console       ${apiUrl}/console/   (sign in: a button per role in development)`);
  say(`  API           ${apiUrl}`);
  say(`  OpenAPI       ${apiUrl}/api/docs   (JSON: ${apiUrl}/api/docs-json)`);
  say(`  Health        ${apiUrl}/health`);
  say(`  Temporal      ${temporalAddress}, namespace ${namespace} (${temporalKind})`);
  if (temporalUi) say(`  Temporal UI   ${temporalUi}/namespaces/${namespace}/workflows`);
  say(`  PostgreSQL    ${redact(databaseUrl)} (${postgres.source})`);
  if (mailCatcher) {
    say(`  Mail          ${mailCatcher.webUrl}   (files: ${join(dataDir, 'mail')})`);
  }

  if (demo) {
    say('  Demo          the 2019 campaign, compressed (DEMO_SPEED; DEMO=off to skip it and');
    say('                have every log line, or LOG_LEVEL=log for them alongside)');
    supervisor.start(
      'demo',
      process.execPath,
      ['-r', aliasHook, join(distDir, 'apps/demo/src/main.js')],
      {
        cwd: workspaceRoot,
        env,
        // Its own terminal: it redraws one progress line in place when it has one.
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
  }
}

async function shutdown(exitCode) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('Stopping…');
  await supervisor.stopAll();
  await stopPostgres().catch((error) =>
    warn(`embedded PostgreSQL did not stop cleanly: ${error.message}`),
  );
  say('Stopped.');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// The terminal closed: stop what was started rather than leave it running unseen.
process.on('SIGHUP', () => void shutdown(0));

main().catch((error) => {
  console.error(
    `[amiflow] ${error instanceof LaunchError ? error.message : (error.stack ?? error)}`,
  );
  void shutdown(1);
});
