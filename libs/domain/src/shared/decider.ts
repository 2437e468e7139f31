/**
 * An aggregate's decider, in emmett's shape: the state before anything happened, `decide` (which
 * events a command produces at an instant, or a refusal) and `evolve` (the state after an event).
 * The specification helpers and the property runs in `testing/` take any aggregate through it.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State, now: Date) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}
