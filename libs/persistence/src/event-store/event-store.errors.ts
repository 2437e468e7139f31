export enum EventStoreErrorCode {
  /** Another writer appended to the stream since the expected version. */
  WRONG_EXPECTED_VERSION = 'WRONG_EXPECTED_VERSION',
  /** An event id already names a different event. */
  EVENT_ID_REUSED = 'EVENT_ID_REUSED',
}

export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EventStoreError';
  }
}
