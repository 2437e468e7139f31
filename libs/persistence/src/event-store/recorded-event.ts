import { EventMetadata } from '@amiflow/contracts';

/** An event as stored: its place in its stream and in the global order. */
export interface RecordedEvent {
  readonly globalPosition: string;
  /** Id of the transaction that appended it (xid8, as a decimal string). */
  readonly transactionId: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}
