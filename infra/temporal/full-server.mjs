import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { LaunchError, step } from '../lib/log.mjs';
import { workspaceRoot } from '../lib/paths.mjs';
import { capture, isListening } from '../lib/processes.mjs';
import { ensureDatabase } from '../postgres/ensure-postgres.mjs';
import { registerNamespaceAndSearchAttributes } from './namespace.mjs';

const CONFIG_DIR = join(workspaceRoot, 'infra', 'temporal', 'server-config');

/** Why four: see server-config/amiflow.yaml. Fixed once the databases exist. */
export const NUM_HISTORY_SHARDS = 4;

/**
 * Temporal's own server on the project's PostgreSQL, under the supervisor: its two databases
 * created and their schemas brought up to date, our configuration with free loopback ports,
 * then our namespace and search attributes registered. `programs` comes from
 * ensureTemporalServer(); `serverUrl` is a PostgreSQL URL whose credentials may create
 * databases. Returns the frontend's `address` (no web UI: the server has none of its own).
 */
export async function startTemporalServer(
  supervisor,
  { programs, serverUrl, databases, port, namespace, retentionDays, workDir, logFile },
) {
  if (port && (await isListening(port))) {
    throw new LaunchError(
      `Port ${port} is already taken: set TEMPORAL_PORT to another port, or TEMPORAL_ADDRESS to use that server.`,
    );
  }
  const postgres = postgresCredentials(serverUrl);
  await step(
    `Bringing Temporal's databases ${databases.main} and ${databases.visibility} up to date`,
    async () => {
      await prepareDatabase(programs.sqlTool, serverUrl, postgres, databases.main, 'temporal');
      await prepareDatabase(
        programs.sqlTool,
        serverUrl,
        postgres,
        databases.visibility,
        'visibility',
      );
    },
  );

  const frontendPort = port || (await freeMembershipPort());
  const ports = {
    frontendPort,
    frontendMembershipPort: await freeMembershipPort(),
    historyPort: await freeMembershipPort(),
    historyMembershipPort: await freeMembershipPort(),
    matchingPort: await freeMembershipPort(),
    matchingMembershipPort: await freeMembershipPort(),
    workerPort: await freeMembershipPort(),
    workerMembershipPort: await freeMembershipPort(),
  };
  const address = `127.0.0.1:${frontendPort}`;
  mkdirSync(workDir, { recursive: true });
  const configFile = join(workDir, 'temporal-server.yaml');
  writeFileSync(
    configFile,
    renderTemplate(readFileSync(join(CONFIG_DIR, 'amiflow.yaml'), 'utf8'), {
      ...ports,
      numHistoryShards: NUM_HISTORY_SHARDS,
      database: databases.main,
      visibilityDatabase: databases.visibility,
      postgresAddress: `${postgres.host}:${postgres.port}`,
      postgresUser: postgres.user,
      postgresPassword: postgres.password,
      frontendAddress: address,
      dynamicConfigFile: join(CONFIG_DIR, 'dynamic-config.yaml'),
    }),
    { mode: 0o600 },
  );

  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'a');
  const child = supervisor.start(
    'temporal-server',
    programs.server,
    // No authoriser: the server listens on loopback only, as the dev server does.
    ['--config-file', configFile, '--allow-no-auth', 'start'],
    { stdio: ['ignore', log, log] },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await registerNamespaceAndSearchAttributes(address, namespace, {
      retentionDays,
      isAlive: () => !exited,
    });
  } catch (error) {
    throw new LaunchError(`Temporal's server on ${address} (log: ${logFile}): ${error.message}`);
  }
  return { address };
}

/**
 * Creates the database if missing, then lets Temporal's schema tool set up its version table
 * (`setup-schema -v 0.0` does nothing on a database already past 0.0) and apply the versioned
 * scripts it lacks (`update-schema`). The scripts are embedded in the tool (`--schema-name`), so
 * runs need neither the Go module cache nor a copy of the files.
 */
async function prepareDatabase(sqlTool, serverUrl, postgres, database, schema) {
  await ensureDatabase(serverUrl, database);
  const connection = [
    '--endpoint',
    postgres.host,
    '--port',
    String(postgres.port),
    '--user',
    postgres.user,
    '--password',
    postgres.password,
    '--plugin',
    'postgres12',
    '--database',
    database,
  ];
  const schemaName = `postgresql/v12/${schema}`;
  await capture(sqlTool, [...connection, 'setup-schema', '-v', '0.0']);
  await capture(sqlTool, [...connection, 'update-schema', '--schema-name', schemaName]);
}

/**
 * A free loopback port the server can record: each service writes its port into the
 * `cluster_membership` table, whose column is a PostgreSQL SMALLINT, so a port of the kernel's
 * ephemeral range (32768 and above, what `freePort` gets) stops the server at start
 * ("value … is out of range for type smallint"). Tried at random in 10000–32767.
 */
async function freeMembershipPort() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = 10_000 + Math.floor(Math.random() * (32_767 - 10_000));
    if (await canBind(candidate)) return candidate;
  }
  throw new LaunchError('No free port between 10000 and 32767 on 127.0.0.1');
}

function canBind(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function postgresCredentials(serverUrl) {
  const url = new URL(serverUrl);
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
}

/**
 * Fills `${name}` with the value, as a JSON scalar (a JSON string is a YAML double-quoted scalar,
 * so a password holding `:` or `#` stays one value). An unknown name is an error rather than an
 * empty setting. Not `{{ }}`: prettier reads that as a YAML flow mapping and rewrites it.
 */
export function renderTemplate(template, values) {
  return template.replace(/\$\{(\w+)\}/g, (_, name) => {
    if (!(name in values)) throw new LaunchError(`server-config: no value for \${${name}}`);
    return JSON.stringify(values[name]);
  });
}
