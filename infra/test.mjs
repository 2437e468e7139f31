// `npm test`: the same set-up as `npm start`, then lint, type-check, and the four jest tiers
// against a Temporal dev server and a database of their own, removed afterwards
// (AMIFLOW_TEMPORAL=server: Temporal's own server on two databases of the run's own, removed
// too). Arguments after `--` go to jest (`npm test -- --selectProjects unit`). AMIFLOW_TEST_NODE
// runs jest, and so every process the tests start, under another Node.js: a pinned major (`24`,
// `22`) fetched once from the npm registry, or the path of a node executable.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ensureDependencies } from './dependencies/ensure-dependencies.mjs';
import { LaunchError, say, sinceStart, step, warn } from './lib/log.mjs';
import { workspaceRoot } from './lib/paths.mjs';
import { freePort, run, Supervisor } from './lib/processes.mjs';
import { ensureNodeRuntime } from './node/node-runtime.mjs';
import { localTemporalKind } from './temporal/local-temporal.mjs';

const supervisor = new Supervisor();
// A server dying under the tests shows as failures far from their cause: name it where it happens.
supervisor.onUnexpectedExit = (name, code, signal) =>
  warn(
    `${name} stopped while the tests ran (${signal ?? `exit ${code}`}); the tests that need it fail from here on`,
  );
const scratch = mkdtempSync(join(tmpdir(), 'amiflow-test-'));
// Readable by others: an embedded PostgreSQL started as root runs as the `postgres` user.
chmodSync(scratch, 0o755);
const bin = (name) => join(workspaceRoot, 'node_modules', '.bin', name);
let cleanup = async () => {};

async function check(name, command, args) {
  try {
    await step(name, () => run(command, args, { cwd: workspaceRoot }));
    return true;
  } catch (error) {
    warn(`${name} failed: ${error.message}`);
    return false;
  }
}

async function main() {
  const jestArgs = process.argv.slice(2);
  await ensureDependencies();
  const testNode = process.env.AMIFLOW_TEST_NODE
    ? await step(`Finding Node.js ${process.env.AMIFLOW_TEST_NODE} for the tests`, () =>
        ensureNodeRuntime(process.env.AMIFLOW_TEST_NODE),
      )
    : { path: process.execPath, version: process.version };
  const temporalKind = localTemporalKind();
  const { ensureTemporalCli } = await import('./temporal/temporal-cli.mjs');
  const { startTemporalDevServer } = await import('./temporal/dev-server.mjs');
  const { ensureTemporalServer } = await import('./temporal/temporal-server.mjs');
  const { startTemporalServer } = await import('./temporal/full-server.mjs');
  const { startMailCatcher } = await import('./mail/start-mail-catcher.mjs');
  const { ensurePostgresServer, ensureDatabase, dropDatabase } =
    await import('./postgres/ensure-postgres.mjs');

  const checks = [];
  if (jestArgs.length === 0) {
    checks.push([
      'lint',
      await check('Lint (eslint, module boundaries)', bin('eslint'), ['.', '--max-warnings', '0']),
    ]);
    checks.push([
      'format',
      await check('Format (prettier --check)', bin('prettier'), [
        '--check',
        '.',
        '--log-level',
        'warn',
      ]),
    ]);
    checks.push([
      'type-check',
      (await check('Type-check (tsc)', bin('tsc'), ['-p', 'tsconfig.json'])) &&
        (await check('Type-check the console (tsc)', bin('tsc'), [
          '-p',
          'apps/console/tsconfig.json',
        ])),
    ]);
  }

  // The end-to-end tier runs the compiled apps and the prebuilt workflow bundle.
  const { build } = await import('./build.mjs');
  await build();

  const { ensureChromium } = await import('./browser/ensure-chromium.mjs');
  const chromium = await step('Finding Chromium for the browser tests', ensureChromium);
  const postgres = await step('Finding PostgreSQL', () =>
    ensurePostgresServer(join(scratch, 'embedded')),
  );
  // Every database this run creates, dropped at the end whatever happens after its creation.
  const runDatabases = [];
  const runDatabase = (prefix) => {
    const name = `${prefix}_${process.pid}_${Date.now()}`;
    runDatabases.push(name);
    return name;
  };
  cleanup = async () => {
    for (const name of runDatabases) {
      await dropDatabase(postgres.serverUrl, name).catch((error) =>
        warn(`could not drop ${name}: ${error.message}`),
      );
    }
    await postgres.stop();
  };

  const namespace = 'amiflow-test';
  let cli;
  let temporal;
  if (temporalKind === 'server') {
    const programs = await step("Finding Temporal's server", ensureTemporalServer);
    temporal = await step("Starting Temporal's server for the tests (on PostgreSQL)", async () =>
      startTemporalServer(supervisor, {
        programs,
        serverUrl: postgres.serverUrl,
        databases: {
          main: runDatabase('temporal_test'),
          visibility: runDatabase('temporal_visibility_test'),
        },
        namespace,
        retentionDays: 1,
        workDir: scratch,
        logFile: join(scratch, 'temporal.log'),
      }),
    );
  } else {
    cli = await step('Finding the Temporal CLI', ensureTemporalCli);
    temporal = await step('Starting a Temporal dev server for the tests (in memory)', async () =>
      startTemporalDevServer(supervisor, {
        cli,
        port: await freePort(),
        namespace,
        logFile: join(scratch, 'temporal.log'),
      }),
    );
  }
  const mail = await step('Starting a mail catcher for the tests', async () =>
    startMailCatcher(supervisor, {
      smtpPort: await freePort(),
      httpPort: await freePort(),
      dir: join(scratch, 'mail'),
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const databaseUrl = await ensureDatabase(postgres.serverUrl, runDatabase('amiflow_test'));

  const results = join(scratch, 'jest-results.json');
  const jestOk = await step('Tests (jest: unit, integration, end-to-end, browser)', () =>
    run(
      testNode.path,
      [bin('jest'), '--runInBand', '--json', `--outputFile=${results}`, ...jestArgs],
      {
        cwd: workspaceRoot,
        env: {
          ...process.env,
          // The tests start the compiled apps with process.execPath; whatever runs `node` from
          // PATH gets the same Node.js.
          PATH: `${dirname(testNode.path)}${delimiter}${process.env.PATH}`,
          DATABASE_URL: databaseUrl,
          TEMPORAL_ADDRESS: temporal.address,
          TEMPORAL_NAMESPACE: namespace,
          ...(cli && { TEMPORAL_CLI_PATH: cli }),
          // Which Temporal this is, for test/lifecycle/temporal-cluster.int-spec.ts.
          AMIFLOW_TEMPORAL: temporalKind,
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(mail.smtpPort),
          MAIL_CATCHER_URL: mail.webUrl,
          // A key of this run's own: the tests mint their tokens with it.
          AUTH_JWT_SECRET: randomBytes(48).toString('base64url'),
          AUTH_JWKS_URL: '',
          LOG_LEVEL: 'warn',
          ...(chromium && { CHROMIUM_PATH: chromium }),
        },
      },
    ).then(
      () => true,
      () => false,
    ),
  );
  const report = readJestReport(results);
  for (const [name, ok] of checks) say(`${name}: ${ok ? 'passed' : 'FAILED'}`);
  say(
    `Finished in ${sinceStart()}; jest ran under Node ${testNode.version}, against ${
      temporalKind === 'server' ? "Temporal's server" : 'the Temporal dev server'
    }`,
  );
  const failedChecks = checks.filter(([, ok]) => !ok).length;
  console.log(`Tests: ${report.passed} passed, ${report.failed + failedChecks} failed`);
  return jestOk && report.ran && failedChecks === 0 ? 0 : 1;
}

function readJestReport(file) {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    // A suite that fails outside its tests (loading, hooks) must still count as a failure.
    const brokenSuites = json.testResults.filter(
      (suite) =>
        suite.status === 'failed' &&
        !suite.assertionResults.some((test) => test.status === 'failed'),
    ).length;
    return {
      passed: json.numPassedTests,
      failed: json.numFailedTests + brokenSuites,
      ran: json.numTotalTests > 0,
    };
  } catch (error) {
    warn(
      `jest wrote no usable report (${error.message}): it stopped before running the tests; see above`,
    );
    return { passed: 0, failed: 1, ran: false };
  }
}

async function finish(code) {
  await supervisor.stopAll(5_000);
  await cleanup();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}

process.on('SIGINT', () => void finish(130));
process.on('SIGTERM', () => void finish(143));
process.on('SIGHUP', () => void finish(129));

main().then(finish, (error) => {
  console.error(
    `[amiflow] ${error instanceof LaunchError ? error.message : (error.stack ?? error)}`,
  );
  console.log('Tests: 0 passed, 1 failed');
  void finish(1);
});
