import type { Actor } from '../events/event-envelope';

/** What a lifecycle workflow answers and carries over: its folded state and its stream's version. */
export interface LifecycleSnapshot<State> {
  readonly state: State;
  /** Events in the aggregate's stream. */
  readonly version: number;
}

/** Every update carries who asks and the request it belongs to, besides the command. */
export interface LifecycleUpdateRequest<Command> {
  readonly command: Command;
  readonly actor: Actor;
  readonly correlationId: string;
}
