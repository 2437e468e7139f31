import { AppendEventsInput, AppendEventsResult } from './event-envelope';

/** What workflows may ask of the event store; implemented in activities/, proxied in workflows/. */
export interface EventActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}
