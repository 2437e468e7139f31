import { Queryable } from '../event-store/queryable';
import { RecordedEvent } from '../event-store/recorded-event';

/** How an aggregate folds its events: the part of the domain's decider a summary needs. */
export interface Fold<Event, State> {
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

/**
 * The summaries keep the stream's folded state (`snapshot`) so that an append folds only its new
 * events: the state as the row last saved it (before), that state with `events` folded onto it
 * by the domain's own evolve (after), and the append's last event.
 */
export async function foldOntoSnapshot<Event, State>(
  database: Queryable,
  table: 'campaign_summaries' | 'dossier_summaries',
  fold: Fold<Event, State>,
  events: readonly RecordedEvent[],
): Promise<{ readonly before: State; readonly after: State; readonly last: RecordedEvent }> {
  const last = events[events.length - 1];
  const [row] = await database.query<{ snapshot: State }[]>(
    `SELECT snapshot FROM ${table} WHERE stream_id = $1`,
    [last.streamId],
  );
  const before = row?.snapshot ?? fold.initialState;
  // The store holds what the domain recorded: its events, as the domain typed them.
  const after = events.reduce(
    (state, event) => fold.evolve(state, event as unknown as Event),
    before,
  );
  return { before, after, last };
}
