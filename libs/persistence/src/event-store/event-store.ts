import { isDeepStrictEqual } from 'node:util';
import { AppendEventsInput, AppendEventsResult, NewEvent } from '@amiflow/contracts';
import { Pool, PoolClient } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { applyProjections, Projection } from '../read-models/projection';
import { Queryable } from './queryable';
import { EventStoreError, EventStoreErrorCode } from './event-store.errors';
import { EventRow, RecordedEvent, toRecordedEvent } from './recorded-event';

const UNIQUE_VIOLATION = '23505';

const INSERT_AT_EXPECTED_VERSION = `
  INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[])
   WHERE (SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = $7) = $8
  RETURNING global_position, transaction_id, stream_version, recorded_at`;

type InsertedRow = Pick<
  EventRow,
  'global_position' | 'transaction_id' | 'stream_version' | 'recorded_at'
>;

/** Where a reader of all events stands: the last event it has seen. */
export interface Checkpoint {
  readonly transactionId: string;
  readonly globalPosition: string;
}

export const FROM_THE_BEGINNING: Checkpoint = { transactionId: '0', globalPosition: '0' };

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /** Pass it to the next call to continue. */
  readonly checkpoint: Checkpoint;
}

/**
 * Append-only store, one stream per aggregate. Appends check the expected version, are
 * idempotent by event id, and update the read models in the same transaction.
 */
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: readonly Projection[],
  ) {}

  /**
   * One round trip when no read model follows these events: a single INSERT that only takes
   * effect at the expected version. With projections, the INSERT and the read-model updates
   * share a transaction. Retries and conflicts are told apart only on the rare failure path.
   */
  async append(input: AppendEventsInput): Promise<AppendEventsResult> {
    if (input.events.length === 0) {
      return { version: input.expectedVersion, alreadyAppended: false };
    }
    const projections = this.projections.filter((projection) =>
      input.events.some((event) => projection.handles.includes(event.type)),
    );
    let inserted: boolean;
    try {
      inserted =
        projections.length === 0
          ? (await this.insertAtExpectedVersion(prepared(this.pool()), input)).length > 0
          : await this.inTransaction(async (database) => {
              const recorded = await this.insertAtExpectedVersion(database, input);
              await applyProjections(database, projections, recorded);
              return recorded.length > 0;
            });
    } catch (error) {
      const constraint = constraintOf(error);
      if (constraint === 'events_stream_version_unique') {
        throw wrongExpectedVersion(input.streamId, input.expectedVersion);
      }
      // A concurrent copy of this very append won the race: below, the same result or a reuse.
      if (constraint !== 'events_event_id_unique') throw error;
      inserted = false;
    }
    if (inserted)
      return { version: input.expectedVersion + input.events.length, alreadyAppended: false };
    const already = await this.findAlreadyAppended(input);
    if (already) return already;
    throw wrongExpectedVersion(
      input.streamId,
      input.expectedVersion,
      await this.streamVersion(input.streamId),
    );
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      'SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [streamId],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * Every event after the checkpoint, in (transaction, position) order, up to `limit`.
   *
   * Positions come from a sequence, so a transaction can commit after a later position became
   * visible; reading by position alone would step over it for good. Only events of transactions
   * older than the oldest one still running are read: that set can no longer grow, so reading it
   * in order never skips an event. An event becomes readable once every transaction that began
   * before it has ended (any transaction on the server: keep transactions short).
   */
  async readAll(after: Checkpoint = FROM_THE_BEGINNING, limit = 1000): Promise<ReadAllResult> {
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT * FROM events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position
        LIMIT $3`,
      [after.transactionId, after.globalPosition, limit],
    );
    const events = rows.map(toRecordedEvent);
    const last = events.at(-1);
    return {
      events,
      checkpoint: last
        ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
        : after,
    };
  }

  /** Returns the earlier result when every event is already stored exactly as given. */
  private async findAlreadyAppended(
    input: AppendEventsInput,
  ): Promise<AppendEventsResult | undefined> {
    const rows = await this.dataSource.query<EventRow[]>(
      'SELECT * FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version',
      [input.events.map((event) => event.eventId)],
    );
    if (rows.length === 0) return undefined;
    const stored = new Map(rows.map((row) => [row.event_id, row]));
    const sameAppend = input.events.every((event, index) => {
      const row = stored.get(event.eventId);
      return (
        row !== undefined &&
        row.stream_id === input.streamId &&
        row.stream_version === input.expectedVersion + index + 1 &&
        row.type === event.type &&
        isDeepStrictEqual(row.data, asStoredJson(event.data))
      );
    });
    if (!sameAppend) {
      throw new EventStoreError(
        EventStoreErrorCode.EVENT_ID_REUSED,
        `Event id(s) ${rows.map((row) => row.event_id).join(', ')} already name other events`,
      );
    }
    return { version: input.expectedVersion + input.events.length, alreadyAppended: true };
  }

  /** Inserts the events only if the stream is at the expected version; returns what it stored. */
  private async insertAtExpectedVersion(
    database: Queryable,
    input: AppendEventsInput,
  ): Promise<RecordedEvent[]> {
    const events: readonly NewEvent[] = input.events;
    // Only what the database decides comes back; the rest is the input, already at hand.
    const rows = await database.query<InsertedRow[]>(INSERT_AT_EXPECTED_VERSION, [
      events.map((event) => event.eventId),
      events.map(() => input.streamId),
      events.map((_, index) => input.expectedVersion + index + 1),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
      input.streamId,
      input.expectedVersion,
    ]);
    return rows.map((row, index) => ({
      globalPosition: row.global_position,
      transactionId: row.transaction_id,
      eventId: events[index].eventId,
      streamId: input.streamId,
      streamVersion: row.stream_version,
      type: events[index].type,
      data: asStoredJson(events[index].data),
      metadata: events[index].metadata,
      recordedAt: row.recorded_at,
    }));
  }

  /**
   * The driver's own pg pool: on the hot path, TypeORM's per-query runner and transaction
   * wrapper cost more than the statements themselves (npm run bench:event-store).
   */
  private pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  private async inTransaction<T>(work: (database: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool().connect();
    try {
      await client.query('BEGIN');
      const result = await work(prepared(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async streamVersion(streamId: string): Promise<number> {
    const [{ version }] = await this.dataSource.query<[{ version: number }]>(
      'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return version;
  }
}

function wrongExpectedVersion(
  streamId: string,
  expected: number,
  actual?: number,
): EventStoreError {
  const found = actual === undefined ? 'a concurrent append' : `version ${actual}`;
  return new EventStoreError(
    EventStoreErrorCode.WRONG_EXPECTED_VERSION,
    `Stream ${streamId}: expected version ${expected}, found ${found}`,
  );
}

/** Runs each statement named: a connection plans it once, then reuses the plan. */
function prepared(database: Pool | PoolClient): Queryable {
  return {
    query: async <T>(text: string, values: unknown[] = []) =>
      (await database.query({ name: statementName(text), text, values })).rows as T,
  };
}

const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `event-store-${statementNames.size}`));
  return name;
}

function constraintOf(error: unknown): string | undefined {
  // Through TypeORM the pg error is wrapped; from the pool it comes as is.
  const pgError = (error instanceof QueryFailedError ? error.driverError : error) as {
    code?: string;
    constraint?: string;
  };
  return pgError?.code === UNIQUE_VIOLATION ? pgError.constraint : undefined;
}

/** What jsonb gives back for a value: undefined properties dropped, dates as strings. */
function asStoredJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
