// Used by the specs only, by relative path: it asserts with jest's `expect`, so it stays out of
// testing/index.ts, which the API's benchmarks bring into the build.
// The decider specs' one dialect, after emmett's DeciderSpecification: given these events (what
// already happened), when this command at this instant, then these events, or this refusal.
import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainError } from '../errors/domain-error';
import { Decider } from '../shared/decider';
import { Instant } from '../time/instant';

export interface CommandTime {
  /** The instant the command is decided at: time is data, never the clock. */
  readonly at: Instant;
}

export interface Outcome<Event, State> {
  /** Expects exactly these events (none: the command changes nothing), or a refusal with this code. */
  then(expected: readonly Event[] | DomainErrorCode): void;
  /** The events decided, for a rule about part of them; fails if the command is refused. */
  events(): Event[];
  /** The refusal, for a rule about its French text or its details; fails if none. */
  refusal(): DomainError;
  /** The state once the decided events are folded; fails if the command is refused. */
  state(): State;
}

export interface Given<Command, Event, State> {
  when(command: Command, time: CommandTime): Outcome<Event, State>;
  /** The state these events fold into. */
  state(): State;
}

export interface Specification<Command, Event, State> {
  readonly given: (history: readonly Event[]) => Given<Command, Event, State>;
  /** The events a run of commands records, each at its instant: a history told by its commands. */
  readonly recorded: (...steps: readonly (readonly [Command, CommandTime])[]) => Event[];
}

export function specification<Command, Event, State>(
  decider: Decider<Command, Event, State>,
): Specification<Command, Event, State> {
  const fold = (history: readonly Event[], from = decider.initialState) =>
    history.reduce(decider.evolve, from);

  const given = (history: readonly Event[]): Given<Command, Event, State> => ({
    state: () => fold(history),
    when(command, { at }) {
      const before = fold(history);
      const decided = decide(decider, command, before, at);
      const events = (): Event[] => {
        if (decided.refusal) {
          throw new Error(
            `Expected events, but the command was refused: ${decided.refusal.code} « ${decided.refusal.message} »`,
          );
        }
        return decided.events;
      };
      return {
        then(expected) {
          if (typeof expected === 'string') {
            expect({ refused: decided.refusal?.code, events: decided.events }).toEqual({
              refused: expected,
              events: [],
            });
          } else {
            expect({ refused: decided.refusal?.code, events: decided.events }).toEqual({
              refused: undefined,
              events: expected,
            });
          }
        },
        events,
        refusal() {
          if (!decided.refusal) {
            throw new Error(`Expected a refusal, but the command decided ${listed(events())}`);
          }
          return decided.refusal;
        },
        state: () => fold(events(), before),
      };
    },
  });

  return {
    given,
    recorded: (...steps) =>
      steps.reduce<Event[]>(
        (history, [command, time]) => [...history, ...given(history).when(command, time).events()],
        [],
      ),
  };
}

function decide<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  command: Command,
  state: State,
  at: Instant,
): { readonly events: Event[]; readonly refusal?: DomainError } {
  try {
    return { events: decider.decide(command, state, new Date(at)) };
  } catch (error) {
    if (error instanceof DomainError) return { events: [], refusal: error };
    throw error;
  }
}

function listed(events: readonly unknown[]): string {
  return events.length === 0 ? 'nothing' : JSON.stringify(events);
}
