import { ReminderKind } from '../reminders/reminder-rule';
import { Actor } from '../shared/actor';
import { ListsEvery } from '../shared/lists-every';
import { Instant } from '../time/instant';
import { CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { EvaluationGrid } from './evaluation-grid';

interface Event<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type CampaignCreated = Event<
  'CampaignCreated',
  { campaignId: string; definition: CampaignDefinition; createdAt: Instant; createdBy: Actor }
>;
export type CampaignPublished = Event<'CampaignPublished', { publishedAt: Instant; by: Actor }>;
export type CampaignOpened = Event<'CampaignOpened', { openedAt: Instant }>;
export type CampaignSubmissionsClosed = Event<'CampaignSubmissionsClosed', { closedAt: Instant }>;
export type CampaignScreeningStarted = Event<'CampaignScreeningStarted', { startedAt: Instant }>;
export type CampaignConsultationsStarted = Event<
  'CampaignConsultationsStarted',
  { startedAt: Instant }
>;
export type CampaignClosed = Event<'CampaignClosed', { closedAt: Instant; by: Actor }>;
export type CampaignCancelled = Event<
  'CampaignCancelled',
  { cancelledAt: Instant; reason: string; by: Actor }
>;
export type CampaignCalendarChanged = Event<
  'CampaignCalendarChanged',
  {
    previous: CampaignCalendar;
    calendar: CampaignCalendar;
    changedAt: Instant;
    reason: string;
    by: Actor;
  }
>;

export type MeetingRegistrationStatus = 'CONFIRMED' | 'WAITLISTED';

export type EvaluationGridChanged = Event<
  'EvaluationGridChanged',
  { evaluationGrid: EvaluationGrid | null; by: Actor; changedAt: Instant }
>;
export type MeetingRegistrationRecorded = Event<
  'MeetingRegistrationRecorded',
  {
    organisationId: string;
    organisationName: string;
    status: MeetingRegistrationStatus;
    registeredAt: Instant;
  }
>;
export type MeetingRegistrationCancelled = Event<
  'MeetingRegistrationCancelled',
  { organisationId: string; cancelledAt: Instant }
>;
/** A seat freed by a cancellation goes to the first on the waiting list. */
export type MeetingRegistrationPromoted = Event<
  'MeetingRegistrationPromoted',
  { organisationId: string; promotedAt: Instant }
>;

export type CampaignReminderIssued = Event<
  'CampaignReminderIssued',
  { ruleId: string; kind: ReminderKind; occurrence: string; dueAt: Instant; issuedAt: Instant }
>;

export type CampaignEvent =
  | CampaignCreated
  | CampaignPublished
  | CampaignOpened
  | CampaignSubmissionsClosed
  | CampaignScreeningStarted
  | CampaignConsultationsStarted
  | CampaignClosed
  | CampaignCancelled
  | CampaignCalendarChanged
  | EvaluationGridChanged
  | MeetingRegistrationRecorded
  | MeetingRegistrationCancelled
  | MeetingRegistrationPromoted
  | CampaignReminderIssued;

export type CampaignEventType = CampaignEvent['type'];

/** Every campaign event type, for code that routes stored events by their type. */
export const CAMPAIGN_EVENT_TYPES = [
  'CampaignCreated',
  'CampaignPublished',
  'CampaignOpened',
  'CampaignSubmissionsClosed',
  'CampaignScreeningStarted',
  'CampaignConsultationsStarted',
  'CampaignClosed',
  'CampaignCancelled',
  'CampaignCalendarChanged',
  'EvaluationGridChanged',
  'MeetingRegistrationRecorded',
  'MeetingRegistrationCancelled',
  'MeetingRegistrationPromoted',
  'CampaignReminderIssued',
] as const satisfies readonly CampaignEventType[];

// Fails to compile when an event type is missing from the list above.
const everyCampaignEventListed: ListsEvery<CampaignEventType, typeof CAMPAIGN_EVENT_TYPES> = true;
void everyCampaignEventListed;
