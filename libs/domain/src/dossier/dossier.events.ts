import { EvaluationGrid } from '../campaign/evaluation-grid';
import { Period } from '../consultations/consultation-schedule';
import { Answers, Completeness } from '../questionnaire/questionnaire';
import { ReminderKind } from '../reminders/reminder-rule';
import { Actor } from '../shared/actor';
import { ListsEvery } from '../shared/lists-every';
import { OrganisationType } from '../shared/organisation-type';
import { Instant } from '../time/instant';
import { DossierCampaignTerms } from './dossier-terms';
import { CriterionScore } from './review-scores';

interface Event<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type DossierDraftCreated = Event<
  'DossierDraftCreated',
  {
    campaignId: string;
    organisationId: string;
    organisationName: string;
    organisationType: OrganisationType;
    profession: string | null;
    terms: DossierCampaignTerms;
    createdAt: Instant;
  }
>;
export type DossierAnswersSaved = Event<
  'DossierAnswersSaved',
  { answers: Answers; completeness: Completeness; savedAt: Instant; amendment: boolean }
>;
export type DossierSubmitted = Event<
  'DossierSubmitted',
  { submittedAt: Instant; completeness: Completeness }
>;
export type DossierEligibilityAssessed = Event<
  'DossierEligibilityAssessed',
  { decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW'; reasons: string[]; assessedAt: Instant }
>;
export type DossierEligibilityOverridden = Event<
  'DossierEligibilityOverridden',
  {
    decision: 'ELIGIBLE' | 'INELIGIBLE';
    previous: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';
    reason: string;
    by: Actor;
    overriddenAt: Instant;
  }
>;
export type DossierScreeningStarted = Event<'DossierScreeningStarted', { startedAt: Instant }>;
export type DossierScreened = Event<
  'DossierScreened',
  {
    result: 'SHORTLISTED' | 'NOT_RETAINED';
    note: string | null;
    by: Actor;
    screenedAt: Instant;
    /** The reviewers' weighted score in view when decided; absent when nobody had scored. */
    weightedScore?: number;
    /** The decision went against what that score spoke for: the note says why. */
    againstScores?: boolean;
  }
>;
export type ClarificationRequested = Event<
  'ClarificationRequested',
  { clarificationId: string; question: string; dueAt: Instant; by: Actor; requestedAt: Instant }
>;
export type ClarificationAnswered = Event<
  'ClarificationAnswered',
  { clarificationId: string; answer: string; answeredAt: Instant }
>;
export type ClarificationLapsed = Event<
  'ClarificationLapsed',
  { clarificationId: string; lapsedAt: Instant }
>;
export type DossierWithdrawn = Event<
  'DossierWithdrawn',
  { reason: string | null; withdrawnAt: Instant }
>;
export type DossierExpired = Event<'DossierExpired', { expiredAt: Instant }>;
export type ConsultationScheduled = Event<
  'ConsultationScheduled',
  {
    consultationId: string;
    startsAt: Instant;
    endsAt: Instant;
    place: string;
    /** 1 when first scheduled, then one more each time it moves. */
    revision: number;
    /**
     * The SEQUENCE of this version in calendars (`calendarSequenceOf`): one more than the last
     * version sent under the consultation's UID, a cancellation included, so fixing it again after
     * a cancellation is never older than that. Absent from events before it was recorded: then
     * `revision - 1`.
     */
    sequence?: number;
    by: Actor;
    scheduledAt: Instant;
  }
>;
export type ConsultationCancelled = Event<
  'ConsultationCancelled',
  {
    consultationId: string;
    /** The revision called off: calendars replace that version with the cancellation. */
    revision: number;
    /** The cancellation's SEQUENCE, one more than the version it ends; absent before: `revision`. */
    sequence?: number;
    /** When and where it would have been, for the cancellation sent to calendars. */
    startsAt: Instant;
    endsAt: Instant;
    place: string;
    reason: string;
    by: Actor;
    cancelledAt: Instant;
  }
>;
export type DossierConsulted = Event<
  'DossierConsulted',
  {
    consultationId: string;
    summary: string;
    supportFormIds: string[];
    by: Actor;
    consultedAt: Instant;
  }
>;
export type FollowUpPlanned = Event<
  'FollowUpPlanned',
  {
    followUpId: string;
    title: string;
    owner: string;
    dueAt: Instant;
    by: Actor;
    plannedAt: Instant;
  }
>;
export type FollowUpCompleted = Event<
  'FollowUpCompleted',
  { followUpId: string; by: Actor; completedAt: Instant }
>;
export type DossierClosed = Event<'DossierClosed', { by: Actor; closedAt: Instant }>;
export type UnavailabilityDeclared = Event<
  'UnavailabilityDeclared',
  { periods: Period[]; declaredAt: Instant }
>;
export type DossierCalendarUpdated = Event<
  'DossierCalendarUpdated',
  { submissionDeadline: Instant; consultationsStartAt: Instant; updatedAt: Instant }
>;
/** The copy of the campaign's evaluation grid the dossier is scored on, replaced (or removed). */
export type DossierEvaluationGridUpdated = Event<
  'DossierEvaluationGridUpdated',
  { evaluationGrid: EvaluationGrid | null; updatedAt: Instant }
>;
export type DossierCancelled = Event<'DossierCancelled', { reason: string; cancelledAt: Instant }>;
export type DossierReminderIssued = Event<
  'DossierReminderIssued',
  { ruleId: string; kind: ReminderKind; occurrence: string; dueAt: Instant; issuedAt: Instant }
>;
export type ReviewersAssigned = Event<
  'ReviewersAssigned',
  { reviewerIds: string[]; by: Actor; assignedAt: Instant }
>;
export type DossierScored = Event<
  'DossierScored',
  { reviewerId: string; scores: CriterionScore[]; weightedScore: number; scoredAt: Instant }
>;
export type ConflictOfInterestDeclared = Event<
  'ConflictOfInterestDeclared',
  { reviewerId: string; reason: string; declaredAt: Instant }
>;

export type PassageTagged = Event<
  'PassageTagged',
  {
    tagId: string;
    sectionId: string;
    start: number;
    end: number;
    /** The passage as it read when tagged: what the synthesis quotes. */
    quote: string;
    themeIds: string[];
    /** Present when the tag is an accepted suggestion: its score then. */
    suggestionScore?: number;
    by: Actor;
    taggedAt: Instant;
  }
>;
export type ThemeTagRemoved = Event<
  'ThemeTagRemoved',
  { tagId: string; by: Actor; removedAt: Instant }
>;
export type ThemeSuggestionRejected = Event<
  'ThemeSuggestionRejected',
  { sectionId: string; themeId: string; by: Actor; rejectedAt: Instant }
>;

export type DossierEvent =
  | DossierDraftCreated
  | DossierAnswersSaved
  | DossierSubmitted
  | DossierEligibilityAssessed
  | DossierEligibilityOverridden
  | DossierScreeningStarted
  | DossierScreened
  | ClarificationRequested
  | ClarificationAnswered
  | ClarificationLapsed
  | DossierWithdrawn
  | DossierExpired
  | ConsultationScheduled
  | ConsultationCancelled
  | DossierConsulted
  | FollowUpPlanned
  | FollowUpCompleted
  | DossierClosed
  | UnavailabilityDeclared
  | DossierCalendarUpdated
  | DossierCancelled
  | DossierReminderIssued
  | PassageTagged
  | ThemeTagRemoved
  | ThemeSuggestionRejected
  | ReviewersAssigned
  | DossierScored
  | ConflictOfInterestDeclared
  | DossierEvaluationGridUpdated;

export type DossierEventType = DossierEvent['type'];

/** Every dossier event type, for code that routes stored events by their type. */
export const DOSSIER_EVENT_TYPES = [
  'DossierDraftCreated',
  'DossierAnswersSaved',
  'DossierSubmitted',
  'DossierEligibilityAssessed',
  'DossierEligibilityOverridden',
  'DossierScreeningStarted',
  'DossierScreened',
  'ClarificationRequested',
  'ClarificationAnswered',
  'ClarificationLapsed',
  'DossierWithdrawn',
  'DossierExpired',
  'ConsultationScheduled',
  'ConsultationCancelled',
  'DossierConsulted',
  'FollowUpPlanned',
  'FollowUpCompleted',
  'DossierClosed',
  'UnavailabilityDeclared',
  'DossierCalendarUpdated',
  'DossierCancelled',
  'DossierReminderIssued',
  'PassageTagged',
  'ThemeTagRemoved',
  'ThemeSuggestionRejected',
  'ReviewersAssigned',
  'DossierScored',
  'ConflictOfInterestDeclared',
  'DossierEvaluationGridUpdated',
] as const satisfies readonly DossierEventType[];

// Fails to compile when an event type is missing from the list above.
const everyDossierEventListed: ListsEvery<DossierEventType, typeof DOSSIER_EVENT_TYPES> = true;
void everyDossierEventListed;
