import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LaunchError } from '../lib/log.mjs';
import { workspaceRoot } from '../lib/paths.mjs';
import { capture, isListening, waitFor } from '../lib/processes.mjs';

/** The single list of custom search attributes, shared with the workflow code. */
export function searchAttributes() {
  const file = join(workspaceRoot, 'libs', 'contracts', 'src', 'search-attributes.json');
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Starts `temporal server start-dev` under the supervisor: loopback only, our namespace, our
 * search attributes. With `dbFile` the state survives a restart; without it, it lives in memory.
 */
export async function startTemporalDevServer(
  supervisor,
  { cli, port, uiPort, namespace, dbFile, logFile, sqlitePragmas = [] },
) {
  if (await isListening(port)) {
    throw new LaunchError(
      `Port ${port} is already taken: set TEMPORAL_PORT to another port, or TEMPORAL_ADDRESS to use that server.`,
    );
  }
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
  ];
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  for (const pragma of sqlitePragmas) args.push('--sqlite-pragma', pragma);
  mkdirSync(dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'a');
  const child = supervisor.start('temporal', cli, args, { stdio: ['ignore', log, log] });

  const address = `127.0.0.1:${port}`;
  await waitFor(
    `Temporal dev server on ${address} (log: ${logFile})`,
    () =>
      capture(cli, [
        'operator',
        'namespace',
        'describe',
        '--address',
        address,
        '--namespace',
        namespace,
      ]).then(() => true),
    { timeoutMs: 90_000, alive: () => supervisor.isAlive(child) },
  );
  await registerSearchAttributes(cli, address, namespace);
  return { address, uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : undefined };
}

/**
 * The dev server registers `--search-attribute` only when it creates a namespace, so a data
 * file made before an attribute existed would lack it: register the missing ones every time.
 */
export async function registerSearchAttributes(cli, address, namespace) {
  const common = ['--address', address, '--namespace', namespace];
  const listed = JSON.parse(
    await capture(cli, ['operator', 'search-attribute', 'list', ...common, '--output', 'json']),
  );
  const existing = new Set(Object.keys(listed.customAttributes ?? {}));
  for (const [name, type] of Object.entries(searchAttributes())) {
    if (existing.has(name)) continue;
    await capture(cli, [
      'operator',
      'search-attribute',
      'create',
      ...common,
      '--name',
      name,
      '--type',
      type,
    ]);
  }
}
