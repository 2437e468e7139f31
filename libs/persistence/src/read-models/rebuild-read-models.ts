import { DataSource, EntityManager } from 'typeorm';
import { Checkpoint, EventStore, FROM_THE_BEGINNING } from '../event-store/event-store';
import { EventRow, RecordedEvent, toRecordedEvent } from '../event-store/recorded-event';
import { applyProjections, Projection } from './projection';

/** Where a rebuild writes: beside the live tables, never over them until asked. */
export const REBUILD_SCHEMA = 'read_model_rebuild';

export interface TableComparison {
  readonly table: string;
  readonly liveRows: number;
  readonly rebuiltRows: number;
  /** Rows present on one side and not the other (as multisets). */
  readonly onlyLive: number;
  readonly onlyRebuilt: number;
}

export interface RebuildReport {
  readonly events: number;
  readonly tables: readonly TableComparison[];
  readonly identical: boolean;
  readonly replaced: boolean;
}

export interface RebuildOptions {
  /** Copy the rebuilt tables over the live ones, appends held back meanwhile. */
  readonly replace?: boolean;
  readonly pageSize?: number;
  readonly onProgress?: (eventsReplayed: number) => void;
}

/**
 * Replays every event, in commit order, through the projections into fresh tables of
 * `read_model_rebuild` (same definitions as the live ones), then compares both sides row for row.
 * The projections run unchanged: inside the replay's transactions, `search_path` puts the fresh
 * tables first.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const tables = projections.flatMap((projection) => projection.tables);
  await createFreshTables(dataSource, tables);
  const store = new EventStore(dataSource, []);
  let checkpoint: Checkpoint = FROM_THE_BEGINNING;
  let replayed = 0;
  for (;;) {
    const page = await store.readAll(checkpoint, options.pageSize ?? 2000);
    if (page.events.length === 0) break;
    await dataSource.transaction((manager) => replay(manager, projections, page.events));
    checkpoint = page.checkpoint;
    replayed += page.events.length;
    options.onProgress?.(replayed);
  }

  if (!options.replace) {
    const comparisons = await compare(dataSource, tables);
    return report(replayed, comparisons, false);
  }
  return dataSource.transaction(async (manager) => {
    // Appends wait until the swap is done; the events that came in since the replay are caught up.
    await manager.query('LOCK TABLE events IN SHARE MODE');
    const rest = await manager.query<EventRow[]>(
      `SELECT * FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
        ORDER BY transaction_id, global_position`,
      [checkpoint.transactionId, checkpoint.globalPosition],
    );
    await replay(manager, projections, rest.map(toRecordedEvent));
    for (const table of tables) {
      await manager.query(`TRUNCATE public.${table}`);
      await manager.query(`INSERT INTO public.${table} SELECT * FROM ${REBUILD_SCHEMA}.${table}`);
    }
    const comparisons = await compare(manager, tables);
    return report(replayed + rest.length, comparisons, true);
  });
}

async function createFreshTables(dataSource: DataSource, tables: readonly string[]) {
  await dataSource.transaction(async (manager) => {
    await manager.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
    await manager.query(`CREATE SCHEMA ${REBUILD_SCHEMA}`);
    for (const table of tables) {
      await manager.query(
        `CREATE TABLE ${REBUILD_SCHEMA}.${table} (LIKE public.${table} INCLUDING ALL)`,
      );
    }
  });
}

/** Applies events append by append, as they were applied live (one transaction id = one append). */
async function replay(
  manager: EntityManager,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
): Promise<void> {
  await manager.query(`SET LOCAL search_path TO ${REBUILD_SCHEMA}, public`);
  let start = 0;
  while (start < events.length) {
    let end = start + 1;
    while (
      end < events.length &&
      events[end].streamId === events[start].streamId &&
      events[end].transactionId === events[start].transactionId
    ) {
      end++;
    }
    await applyProjections(manager, projections, events.slice(start, end));
    start = end;
  }
}

async function compare(
  database: DataSource | EntityManager,
  tables: readonly string[],
): Promise<TableComparison[]> {
  const comparisons: TableComparison[] = [];
  for (const table of tables) {
    const live = `public.${table}`;
    const rebuilt = `${REBUILD_SCHEMA}.${table}`;
    const [row] = await database.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM ${live}) AS live_rows,
              (SELECT count(*) FROM ${rebuilt}) AS rebuilt_rows,
              (SELECT count(*) FROM (SELECT * FROM ${live} EXCEPT ALL SELECT * FROM ${rebuilt}) d) AS only_live,
              (SELECT count(*) FROM (SELECT * FROM ${rebuilt} EXCEPT ALL SELECT * FROM ${live}) d) AS only_rebuilt`,
    );
    comparisons.push({
      table,
      liveRows: Number(row.live_rows),
      rebuiltRows: Number(row.rebuilt_rows),
      onlyLive: Number(row.only_live),
      onlyRebuilt: Number(row.only_rebuilt),
    });
  }
  return comparisons;
}

function report(events: number, tables: TableComparison[], replaced: boolean): RebuildReport {
  return {
    events,
    tables,
    identical: tables.every((t) => t.onlyLive === 0 && t.onlyRebuilt === 0),
    replaced,
  };
}
