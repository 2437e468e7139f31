import { QueryRunner } from 'typeorm';
import { RecordedEvent } from '../event-store/recorded-event';

/**
 * A read model updated inside the appending transaction, so it is never behind the events nor
 * ahead of them.
 */
export interface Projection {
  readonly name: string;
  apply(runner: QueryRunner, event: RecordedEvent): Promise<void>;
}
