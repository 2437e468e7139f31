import { EvaluationGrid } from '../campaign/evaluation-grid';
import { Period } from '../consultations/consultation-schedule';
import { Answers } from '../questionnaire/questionnaire';
import { Actor } from '../shared/actor';
import { OrganisationType } from '../shared/organisation-type';
import { Instant } from '../time/instant';
import { DossierCampaignTerms } from './dossier-terms';
import { CriterionScore } from './review-scores';

export interface CreateDossierDraft {
  readonly type: 'CreateDossierDraft';
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationType: OrganisationType;
  readonly profession?: string;
  readonly terms: DossierCampaignTerms;
}

/** Saves some answers (an empty text clears one); after submission, an amendment. */
export interface SaveAnswers {
  readonly type: 'SaveAnswers';
  readonly answers: Answers;
}

export interface SubmitDossier {
  readonly type: 'SubmitDossier';
}

/** The automatic check's result, from the directory. */
export interface RecordEligibility {
  readonly type: 'RecordEligibility';
  readonly decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';
  readonly reasons: readonly string[];
}

/** An operator's decision on eligibility, against or in the absence of the automatic one. */
export interface OverrideEligibility {
  readonly type: 'OverrideEligibility';
  readonly decision: 'ELIGIBLE' | 'INELIGIBLE';
  readonly reason: string;
  readonly actor: Actor;
}

export interface StartDossierScreening {
  readonly type: 'StartDossierScreening';
}

export interface RecordScreeningResult {
  readonly type: 'RecordScreeningResult';
  readonly result: 'SHORTLISTED' | 'NOT_RETAINED';
  readonly note?: string;
  readonly actor: Actor;
}

export interface RequestClarification {
  readonly type: 'RequestClarification';
  readonly clarificationId: string;
  readonly question: string;
  readonly dueAt: Instant;
  readonly actor: Actor;
}

export interface AnswerClarification {
  readonly type: 'AnswerClarification';
  readonly clarificationId: string;
  readonly answer: string;
}

/** At its due date, an unanswered request lapses. */
export interface LapseClarification {
  readonly type: 'LapseClarification';
  readonly clarificationId: string;
}

export interface WithdrawDossier {
  readonly type: 'WithdrawDossier';
  readonly reason?: string;
}

/** At the deadline, a draft never submitted expires. */
export interface ExpireDraft {
  readonly type: 'ExpireDraft';
}

/** Schedules the individual consultation, or moves it when it is already scheduled. */
export interface ScheduleConsultation {
  readonly type: 'ScheduleConsultation';
  /**
   * Same id to move the scheduled consultation. After a cancellation, the same id or a new one:
   * the same id continues its calendar entry (a SEQUENCE above the cancellation's) and each
   * appointment gets its own reminder (`consultationReminderOccurrence`).
   */
  readonly consultationId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly place: string;
  readonly actor: Actor;
}

export interface CancelConsultation {
  readonly type: 'CancelConsultation';
  readonly reason: string;
  readonly actor: Actor;
}

export interface RecordConsultationOutcome {
  readonly type: 'RecordConsultationOutcome';
  readonly summary: string;
  /** The forms of State support the consultation retained. */
  readonly supportFormIds: readonly string[];
  readonly actor: Actor;
}

export interface PlanFollowUp {
  readonly type: 'PlanFollowUp';
  readonly followUpId: string;
  readonly title: string;
  /** Who must do it (an operator, or the organisation). */
  readonly owner: string;
  readonly dueAt: Instant;
  readonly actor: Actor;
}

export interface CompleteFollowUp {
  readonly type: 'CompleteFollowUp';
  readonly followUpId: string;
  readonly actor: Actor;
}

export interface CloseDossier {
  readonly type: 'CloseDossier';
  readonly actor: Actor;
}

/** The organisation says when it cannot attend a consultation; replaces what it said before. */
export interface DeclareUnavailability {
  readonly type: 'DeclareUnavailability';
  readonly periods: readonly Period[];
}

/** The campaign's calendar moved: the dossier's deadline and consultation date follow. */
export interface ApplyCampaignCalendar {
  readonly type: 'ApplyCampaignCalendar';
  readonly submissionDeadline: Instant;
  readonly consultationsStartAt: Instant;
}

/**
 * The campaign's evaluation grid changed before its screening: the dossier's copy follows, to be
 * scored on the grid in force (null: the campaign no longer has one).
 */
export interface ApplyEvaluationGrid {
  readonly type: 'ApplyEvaluationGrid';
  readonly evaluationGrid: EvaluationGrid | null;
}

export interface CancelWithCampaign {
  readonly type: 'CancelWithCampaign';
  readonly reason: string;
}

/** Records that a reminder about this dossier goes out now; refused early, ignored when sent. */
export interface IssueDossierReminder {
  readonly type: 'IssueDossierReminder';
  readonly ruleId: string;
  readonly occurrence: string;
  /**
   * Set by the dossier workflow only when it replays a history recorded before every lapsed
   * reminder was refused (patch `lapsed-reminders-refused`): then, as then, only a lapsed deadline
   * reminder is refused, so the replay takes the path it took.
   */
  readonly onlyDeadlineRemindersLapse?: true;
}

/** A passage of one answer, by its offsets in the answer's text (UTF-16 code units, end excluded). */
export interface AnswerPassage {
  readonly sectionId: string;
  readonly start: number;
  readonly end: number;
}

/** An operator tags a passage of an answer with one or more demand themes. */
export interface TagPassage extends AnswerPassage {
  readonly type: 'TagPassage';
  readonly tagId: string;
  readonly themeIds: readonly string[];
  readonly actor: Actor;
}

/** An operator takes back a tag (their own or a colleague's): it no longer counts. */
export interface RemoveThemeTag {
  readonly type: 'RemoveThemeTag';
  readonly tagId: string;
  readonly actor: Actor;
}

/** An operator accepts a theme suggested for a passage: it becomes a tag, which counts. */
export interface AcceptThemeSuggestion extends AnswerPassage {
  readonly type: 'AcceptThemeSuggestion';
  readonly tagId: string;
  readonly themeId: string;
  /** The suggestion's score (0 to 1), kept for the audit trail. */
  readonly score: number;
  readonly actor: Actor;
}

/** An operator rejects a theme suggested for an answer: it is not suggested there again. */
export interface RejectThemeSuggestion {
  readonly type: 'RejectThemeSuggestion';
  readonly sectionId: string;
  readonly themeId: string;
  readonly actor: Actor;
}

/** Operators who will review the dossier on its campaign's grid, added to those already named. */
export interface AssignReviewers {
  readonly type: 'AssignReviewers';
  /** The reviewers' subjects (the operators' principal ids). */
  readonly reviewerIds: readonly string[];
  readonly actor: Actor;
}

/** A reviewer's scores on every criterion of the grid, each with a comment; replaces their last. */
export interface ScoreDossier {
  readonly type: 'ScoreDossier';
  readonly scores: readonly CriterionScore[];
  /** The reviewer: an operator assigned to the dossier. */
  readonly actor: Actor;
}

/**
 * A reviewer declares a conflict of interest with the dossier's organisation: they are no longer
 * its reviewer (their scores no longer count) and are never assigned to it again.
 */
export interface DeclareConflictOfInterest {
  readonly type: 'DeclareConflictOfInterest';
  readonly reason: string;
  readonly actor: Actor;
}

export type DossierCommand =
  | CreateDossierDraft
  | SaveAnswers
  | SubmitDossier
  | RecordEligibility
  | OverrideEligibility
  | StartDossierScreening
  | RecordScreeningResult
  | RequestClarification
  | AnswerClarification
  | LapseClarification
  | WithdrawDossier
  | ExpireDraft
  | ScheduleConsultation
  | CancelConsultation
  | RecordConsultationOutcome
  | PlanFollowUp
  | CompleteFollowUp
  | CloseDossier
  | DeclareUnavailability
  | ApplyCampaignCalendar
  | ApplyEvaluationGrid
  | CancelWithCampaign
  | IssueDossierReminder
  | TagPassage
  | RemoveThemeTag
  | AcceptThemeSuggestion
  | RejectThemeSuggestion
  | AssignReviewers
  | ScoreDossier
  | DeclareConflictOfInterest;
