export type ActorRole = 'admin' | 'operator' | 'organisation' | 'system';

/** Who asked: recorded with every event, and inside the events that record a human decision. */
export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}
