import { Queryable } from '../event-store/queryable';
import { RecordedEvent } from '../event-store/recorded-event';

/**
 * A read model updated inside the appending transaction, so it is never behind the events nor
 * ahead of them.
 */
export interface Projection {
  readonly name: string;
  /** The tables it writes: what a rebuild starts afresh. */
  readonly tables: readonly string[];
  /** The event types it reads; appends of other events skip the transaction altogether. */
  readonly handles: readonly string[];
  /** The events of one append (one stream, in stream order) that it handles. */
  apply(database: Queryable, events: readonly RecordedEvent[]): Promise<void>;
}

/** Hands each projection the events of one append it handles. */
export async function applyProjections(
  database: Queryable,
  projections: readonly Projection[],
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const projection of projections) {
    const handled = events.filter((event) => projection.handles.includes(event.type));
    if (handled.length > 0) await projection.apply(database, handled);
  }
}
