// The property specs' harness: runs a generated command sequence through a decider, keeping each
// decision with the state it met, and prints a sequence when a property is violated. Used by the
// specs only: it asserts with jest's `expect`.
import { DomainError } from '../errors/domain-error';
import { Decider } from '../shared/decider';
import { resolveWhen, When } from './command-timing';

/** Runs per property: the whole domain unit run stays within seconds on two cores. */
export const NUM_RUNS = 1000;
/** The fold property replays every sequence four times: fewer runs of it. */
export const FOLD_RUNS = 400;

/** One command as it was decided: the state it met, what it produced, or why it was refused. */
export interface HarnessDecision<Command, Event, State> {
  readonly at: string;
  readonly command: Command;
  readonly before: State;
  readonly after: State;
  readonly events: readonly Event[];
  readonly refused?: string;
}

export interface Run<Command, Event, State> {
  readonly decisions: readonly HarnessDecision<Command, Event, State>[];
  readonly events: readonly Event[];
  readonly state: State;
}

/** A generated step: when it happens, and what to turn into a command then. */
export interface GeneratedStep<Template> {
  readonly when: When;
  readonly what: Template;
}

export interface SequenceRules<Template, Command, State> {
  /** The instant the sequence starts from. */
  readonly start: number;
  /** The dates that matter for the aggregate as it stands (see `resolveWhen`). */
  readonly anchorsOf: (state: State, now: number) => readonly number[];
  /** The command a template stands for, given the state it meets. */
  readonly resolve: (template: Template, state: State, now: number) => Command;
}

/** Frozen states and events make any mutation by decide or evolve throw (a TypeError). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface PropertyHarness<Command, Event, State> {
  /** Decides `command` at `at` (ms) and folds its events; a refusal leaves the state as it was. */
  readonly decideAndFold: (
    command: Command,
    state: State,
    at: number,
  ) => HarnessDecision<Command, Event, State>;
  /** Runs a generated sequence, each step at its resolved instant, from the initial state. */
  readonly run: <Template>(
    steps: readonly GeneratedStep<Template>[],
    rules: SequenceRules<Template, Command, State>,
  ) => Run<Command, Event, State>;
  /** The state these events fold into, from the initial state. */
  readonly fold: (events: readonly Event[]) => State;
  /** Each event with the state it met (events of one decision apply one after the other). */
  readonly eventsInContext: (decisions: readonly HarnessDecision<Command, Event, State>[]) => {
    readonly event: Event;
    readonly before: State;
    readonly after: State;
    readonly upToHere: readonly HarnessDecision<Command, Event, State>[];
  }[];
  /** The sequence as a reader follows it: each command, its instant, and what came of it. */
  readonly describeRun: (decisions: readonly HarnessDecision<Command, Event, State>[]) => string;
  /**
   * Expects `events` to fold into `state`, the same way each time, also after a JSON round trip
   * (as the event store keeps them, in jsonb): the fold property every decider's spec states.
   */
  readonly expectStableFold: (events: readonly Event[], state: State) => void;
  /** Fails the property, naming the broken rule and printing the sequence that broke it. */
  readonly violated: (
    rule: string,
    decisions: readonly HarnessDecision<Command, Event, State>[],
  ) => never;
}

export function propertyHarness<Command, Event extends { readonly type: string }, State>(
  decider: Decider<Command, Event, State>,
  /** What to print of a command (long definitions are best named, not printed). */
  shown: (command: Command) => unknown = (command) => command,
): PropertyHarness<Command, Event, State> {
  const decideAndFold = (
    command: Command,
    state: State,
    at: number,
  ): HarnessDecision<Command, Event, State> => {
    const base = { at: new Date(at).toISOString(), command, before: state };
    let events: Event[];
    try {
      events = decider.decide(deepFreeze(command), state, new Date(at));
    } catch (error) {
      if (error instanceof DomainError) {
        return { ...base, after: state, events: [], refused: error.code };
      }
      throw error;
    }
    deepFreeze(events);
    const after = events.reduce(
      (current, event) => deepFreeze(decider.evolve(current, event)),
      state,
    );
    return { ...base, after, events };
  };

  const fold = (events: readonly Event[]): State =>
    events.reduce(decider.evolve, decider.initialState);

  const describeRun = (decisions: readonly HarnessDecision<Command, Event, State>[]): string =>
    decisions
      .map(({ at, command, events, refused }) => {
        const outcome = refused ?? (events.map((event) => event.type).join(', ') || '(nothing)');
        return `  ${at}  ${JSON.stringify(shown(command))}\n      -> ${outcome}`;
      })
      .join('\n');

  return {
    decideAndFold,
    run: (steps, { start, anchorsOf, resolve }) => {
      let state = deepFreeze(decider.initialState);
      let now = start;
      const decisions: HarnessDecision<Command, Event, State>[] = [];
      for (const { when, what } of steps) {
        now = resolveWhen(when, now, anchorsOf(state, now));
        const decision = decideAndFold(resolve(what, state, now), state, now);
        decisions.push(decision);
        state = decision.after;
      }
      return { decisions, events: decisions.flatMap((decision) => decision.events), state };
    },
    fold,
    expectStableFold: (events, state) => {
      expect(fold(events)).toStrictEqual(state);
      expect(fold(events)).toStrictEqual(fold(events));
      const stored = JSON.parse(JSON.stringify(events)) as Event[];
      expect(stored).toStrictEqual(events);
      expect(fold(stored)).toStrictEqual(state);
    },
    eventsInContext: (decisions) =>
      decisions.flatMap((decision, index) => {
        let before = decision.before;
        return decision.events.map((event) => {
          const context = { event, before, upToHere: decisions.slice(0, index + 1) };
          before = decider.evolve(before, event);
          return { ...context, after: before };
        });
      }),
    describeRun,
    violated: (rule, decisions) => {
      throw new Error(`${rule}\nSequence:\n${describeRun(decisions)}`);
    },
  };
}
