import { isDeepStrictEqual } from 'node:util';
import { AppendEventsInput, AppendEventsResult, EventMetadata, NewEvent } from '@amiflow/contracts';
import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
import { Projection } from '../read-models/projection';
import { EventStoreError, EventStoreErrorCode } from './event-store.errors';
import { RecordedEvent } from './recorded-event';

interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

const UNIQUE_VIOLATION = '23505';

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

  async append(input: AppendEventsInput): Promise<AppendEventsResult> {
    if (input.events.length === 0) {
      return { version: input.expectedVersion, alreadyAppended: false };
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const already = await this.findAlreadyAppended(runner, input);
      if (already) return already;
      await runner.startTransaction();
      const recorded = await this.insert(runner, input);
      for (const event of recorded) {
        for (const projection of this.projections) await projection.apply(runner, event);
      }
      await runner.commitTransaction();
      return { version: input.expectedVersion + input.events.length, alreadyAppended: false };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      if (constraintOf(error) === 'events_event_id_unique') {
        // A concurrent copy of this very append won the race: the same result, or a real reuse.
        const already = await this.findAlreadyAppended(runner, input);
        if (already) return already;
      }
      if (constraintOf(error) === 'events_stream_version_unique') {
        throw wrongExpectedVersion(input.streamId, input.expectedVersion);
      }
      throw error;
    } finally {
      await runner.release();
    }
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
    runner: QueryRunner,
    input: AppendEventsInput,
  ): Promise<AppendEventsResult | undefined> {
    const rows = (await runner.query(
      'SELECT * FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version',
      [input.events.map((event) => event.eventId)],
    )) as EventRow[];
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

  private async insert(runner: QueryRunner, input: AppendEventsInput): Promise<RecordedEvent[]> {
    const [{ version }] = (await runner.query(
      'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
      [input.streamId],
    )) as [{ version: number }];
    if (version !== input.expectedVersion) {
      throw wrongExpectedVersion(input.streamId, input.expectedVersion, version);
    }
    const events: readonly NewEvent[] = input.events;
    const rows = (await runner.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[])
       RETURNING *`,
      [
        events.map((event) => event.eventId),
        events.map(() => input.streamId),
        events.map((_, index) => input.expectedVersion + index + 1),
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => JSON.stringify(event.metadata)),
      ],
    )) as EventRow[];
    return rows.map(toRecordedEvent);
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

function constraintOf(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION ? driverError.constraint : undefined;
}

/** What jsonb gives back for a value: undefined properties dropped, dates as strings. */
function asStoredJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
