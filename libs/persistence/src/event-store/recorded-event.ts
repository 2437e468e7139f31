import { EventMetadata } from '@amiflow/contracts';

/** An event as stored: its place in its stream and in the global order. */
export interface RecordedEvent {
  readonly globalPosition: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}
