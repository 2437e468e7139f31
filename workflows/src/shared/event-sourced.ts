import type { Actor, EventActivities, LifecycleSnapshot } from '@amiflow/contracts';
import { isDomainErrorCode } from '@amiflow/domain';
import { ApplicationFailure, proxyActivities, uuid4 } from '@temporalio/workflow';
import { decideOrFail } from './decide-or-fail';
import { createSerialQueue } from './serial-queue';

const { appendEvents } = proxyActivities<EventActivities>({
  // One short database write: a worker lost while holding it is noticed within seconds.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** The workflow's own steps (timers, signals) act as the system. */
export const SYSTEM: Actor = { id: 'amiflow', role: 'system' };

interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface StoredEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
}

/** A command that brings a copy of another stream's data up to date, and where it comes from. */
export interface Refresh<Command> {
  readonly command: Command;
  readonly origin: Origin;
}

export interface Origin {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId?: string;
}

/**
 * An aggregate inside its workflow: each command is decided against the state the previous one
 * left (commands never interleave), its events are appended to the store, and only then folded
 * and answered. Event ids come from the workflow's deterministic uuid4, so a retried append is
 * recognised by the store.
 */
export function eventSourced<Command, Event extends DomainEvent, State>(options: {
  readonly streamId: string;
  readonly decide: (command: Command, state: State, now: Date) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly start: LifecycleSnapshot<State>;
  readonly onChange: (state: State) => void;
  /** Told of the events of each decision once they are stored, with their ids. */
  readonly onEvents?: (events: readonly StoredEvent[], origin: Origin) => void;
  /**
   * For state that holds a copy of another stream's data (a dossier's campaign dates): which
   * commands are decided on that copy, and how to bring it up to date from the system of record
   * first. The refresh runs in the command's turn, before its decision; its command, if any, is
   * decided and stored first. The validator, which cannot read the store, lets through what such
   * a command would be refused for on the copy (`mayBeStale`), and the decision says.
   */
  readonly refresh?: {
    readonly before: (command: Command, state: State) => Promise<Refresh<Command> | undefined>;
    readonly mayBeStale: (command: Command, code: string, state: State) => boolean;
  };
}) {
  let { state, version } = options.start;
  const serially = createSerialQueue();
  /** Commands accepted and not yet folded: while there are some, `state` is about to change. */
  let inFlight = 0;

  /** Decides, persists and folds; a refusal fails the caller with the domain code. */
  function execute(command: Command, origin: Origin): Promise<Event[]> {
    inFlight++;
    return serially(async () => {
      const refresh = await options.refresh?.before(command, state);
      if (refresh) await decideAndStore(refresh.command, refresh.origin);
      return decideAndStore(command, origin);
    }).finally(() => inFlight--);
  }

  /** One decision: refused, it fails with the domain code; else appended, then folded. */
  async function decideAndStore(command: Command, origin: Origin): Promise<Event[]> {
    const events = decideOrFail(() => options.decide(command, state, new Date()));
    if (events.length === 0) return events;
    const occurredAt = new Date().toISOString();
    const stored = events.map((event) => ({
      eventId: uuid4(),
      type: event.type,
      data: event.data,
      metadata: { ...origin, occurredAt },
    }));
    await appendEvents({ streamId: options.streamId, expectedVersion: version, events: stored });
    state = events.reduce(options.evolve, state);
    version += events.length;
    options.onChange(state);
    options.onEvents?.(stored, origin);
    return events;
  }

  return {
    get state(): State {
      return state;
    },
    snapshot(): LifecycleSnapshot<State> {
      return { state, version };
    },
    execute,
    /** For the workflow's own steps: a refusal means the state has moved on, nothing to do. */
    attempt(command: Command, origin: Origin): Promise<Event[]> {
      return refusalsIgnored(execute(command, origin));
    },
    /**
     * The same for a command built only when its turn comes, after every command accepted
     * before it (from the system of record, say): what it reads is then no older than them.
     */
    attemptBuilt(build: () => Promise<Command>, origin: Origin): Promise<Event[]> {
      inFlight++;
      const done = serially(async () => decideAndStore(await build(), origin)).finally(
        () => inFlight--,
      );
      return refusalsIgnored(done);
    },
    /**
     * An update validator: refuses early, with no trace in history, what the state rules out.
     * While another command is being stored, the state it would judge by is already old (the
     * read models, written with the events, may show the next one): the command is let through
     * and decided in turn, a refusal then failing the update with the same domain code.
     */
    validate(command: Command): void {
      if (inFlight > 0) return;
      try {
        decideOrFail(() => options.decide(command, state, new Date()));
      } catch (error) {
        const code = isRefusal(error) ? (error.type as string) : undefined;
        if (code && options.refresh?.mayBeStale(command, code, state)) return;
        throw error;
      }
    },
  };
}

async function refusalsIgnored<Event>(decision: Promise<Event[]>): Promise<Event[]> {
  try {
    return await decision;
  } catch (error) {
    if (isRefusal(error)) return [];
    throw error;
  }
}

function isRefusal(error: unknown): error is ApplicationFailure {
  return error instanceof ApplicationFailure && isDomainErrorCode(error.type);
}
