import type { Actor } from '@amiflow/domain';

export type { Actor, ActorRole } from '@amiflow/domain';

/** Who caused an event, when, and as part of which request. */
export interface EventMetadata {
  readonly actor: Actor;
  /** ISO 8601 instant, UTC: the workflow's clock when it decided. */
  readonly occurredAt: string;
  /** Follows one request through the API, the workflow and its activities. */
  readonly correlationId: string;
  /** The event or command that caused this one, when there is one. */
  readonly causationId?: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** Chosen by the workflow (deterministically), so a retried append is recognised. */
  readonly eventId: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface AppendEventsInput {
  readonly streamId: string;
  /** Number of events the writer has seen in the stream; 0 for a new stream. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
}

export interface AppendEventsResult {
  /** Stream version after the append. */
  readonly version: number;
  /** True when these very events were already stored (a retried append). */
  readonly alreadyAppended: boolean;
}
