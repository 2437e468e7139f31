import { createRequire } from 'node:module';
import { join } from 'node:path';
import { workspaceRoot } from '../lib/paths.mjs';
import { LaunchError } from '../lib/log.mjs';
import { searchAttributes } from './dev-server.mjs';

const require = createRequire(join(workspaceRoot, 'package.json'));

// gRPC status codes the registration expects (https://grpc.io/docs/guides/status-codes/).
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;

/**
 * Temporal's server keeps each namespace in a registry that every service refreshes on this
 * period (dynamic config `system.namespaceCacheRefreshInterval`, set in
 * server-config/dynamic-config.yaml): a namespace or a search attribute alias is seen by all
 * services one period after it is written.
 */
export const NAMESPACE_REFRESH_MS = 2_000;

/**
 * Registers `namespace` and our custom search attributes on a Temporal server through the SDK's
 * services, as a cluster operator would, and returns once the frontend accepts a query over
 * them. Idempotent: what exists already is left as it is. `retentionDays`: how long Temporal keeps
 * a closed workflow's history (the event store keeps the record for good).
 */
export async function registerNamespaceAndSearchAttributes(
  address,
  namespace,
  { retentionDays, timeoutMs = 120_000, isAlive = () => true },
) {
  const retry = (what, work) => retryUntil(what, { timeoutMs, isAlive }, work);
  const { Connection } = require('@temporalio/client');
  const { temporal } = require('@temporalio/proto');
  let connection;
  await retry(`Temporal's frontend on ${address}`, async () => {
    const candidate = await Connection.connect({ address, connectTimeout: 2_000 });
    try {
      await candidate.workflowService.getSystemInfo({});
    } catch (error) {
      await candidate.close();
      throw error;
    }
    connection = candidate;
  });
  try {
    const created = await registerNamespace(connection, namespace, retentionDays);
    const types = temporal.api.enums.v1.IndexedValueType;
    const wanted = Object.fromEntries(
      Object.entries(searchAttributes()).map(([name, type]) => {
        const indexed = types[`INDEXED_VALUE_TYPE_${type.toUpperCase()}`];
        if (indexed === undefined) throw new LaunchError(`${name}: unknown type ${type}`);
        return [name, indexed];
      }),
    );
    let added = false;
    // Right after its creation the namespace may not be in the registry yet: NOT_FOUND retries.
    await retry(`search attributes of namespace ${namespace}`, async () => {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace,
      });
      const missing = Object.entries(wanted).filter(
        ([name]) => !(name in (customAttributes ?? {})),
      );
      if (missing.length === 0) return;
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing),
      });
      added = true;
    });
    // A query naming every attribute is validated against the frontend's registry: once it
    // passes, the frontend maps them. The history service refreshes on the same period, so one
    // more period lets it catch up before a workflow upserts them.
    const probe = Object.keys(wanted)
      .map((name) => `${name} IS NULL`)
      .join(' AND ');
    await retry(`namespace ${namespace} queryable by its search attributes`, () =>
      connection.workflowService.countWorkflowExecutions({ namespace, query: probe }),
    );
    if (created || added) await new Promise((resolve) => setTimeout(resolve, NAMESPACE_REFRESH_MS));
  } finally {
    await connection.close();
  }
}

/** True when it was created now, false when it existed. */
async function registerNamespace(connection, namespace, retentionDays) {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return false;
  } catch (error) {
    if (error.code !== NOT_FOUND) throw error;
  }
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: { seconds: retentionDays * 24 * 3600 },
    });
    return true;
  } catch (error) {
    // Another launcher registered it meanwhile.
    if (error.code === ALREADY_EXISTS) return false;
    throw error;
  }
}

/**
 * Runs `work` until it resolves; fails with the last error it gave after `timeoutMs`, or at once
 * when the server's process is gone.
 */
async function retryUntil(what, { timeoutMs, isAlive }, work) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isAlive()) throw new LaunchError(`${what}: the server exited (${error.message})`);
      if (Date.now() > deadline) {
        throw new LaunchError(`${what}: not ready after ${timeoutMs / 1000} s (${error.message})`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
