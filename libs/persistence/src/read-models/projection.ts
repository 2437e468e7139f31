import { EntityManager } from 'typeorm';
import { RecordedEvent } from '../event-store/recorded-event';

/**
 * A read model updated inside the appending transaction, so it is never behind the events nor
 * ahead of them.
 */
export interface Projection {
  readonly name: string;
  /** The event types it reads; appends of other events skip the transaction altogether. */
  readonly handles: readonly string[];
  apply(manager: EntityManager, event: RecordedEvent): Promise<void>;
}
