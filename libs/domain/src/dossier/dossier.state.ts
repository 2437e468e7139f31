import { Period } from '../consultations/consultation-schedule';
import { Answers, Completeness } from '../questionnaire/questionnaire';
import { Actor } from '../shared/actor';
import { OrganisationType } from '../shared/organisation-type';
import { Instant } from '../time/instant';
import { DossierCampaignTerms } from './dossier-terms';
import { CriterionScore } from './review-scores';

export const DOSSIER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  /** The automatic check could not decide: an operator must. */
  'NEEDS_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'UNDER_SCREENING',
  'SHORTLISTED',
  'NOT_RETAINED',
  'CONSULTATION_SCHEDULED',
  'CONSULTED',
  'FOLLOW_UP',
  'CLOSED',
  'WITHDRAWN',
  'EXPIRED',
  /** Its campaign was cancelled. */
  'CANCELLED',
] as const;

export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/**
 * The statuses from `first` to `last`, both included, in the order of DOSSIER_STATUSES: the usual
 * path first, the ways out of it (withdrawn, expired, cancelled) last.
 */
export function dossierStatusesFrom(first: DossierStatus, last: DossierStatus): DossierStatus[] {
  return DOSSIER_STATUSES.slice(
    DOSSIER_STATUSES.indexOf(first),
    DOSSIER_STATUSES.indexOf(last) + 1,
  );
}

export interface Clarification {
  readonly clarificationId: string;
  readonly question: string;
  readonly dueAt: Instant;
  readonly requestedBy: Actor;
  readonly requestedAt: Instant;
  readonly answer?: string;
  readonly answeredAt?: Instant;
  readonly lapsedAt?: Instant;
}

export interface Consultation {
  readonly consultationId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly place: string;
  readonly revision: number;
  /** Its SEQUENCE in calendars (see `ConsultationScheduled`); absent in states folded before. */
  readonly sequence?: number;
  readonly scheduledAt: Instant;
}

/**
 * The calendar SEQUENCE of a consultation as it stands: absent from states folded before it was
 * recorded, when it could only be `revision - 1` (no consultation was fixed again then).
 */
export function calendarSequenceOf(consultation: Consultation): number {
  return consultation.sequence ?? consultation.revision - 1;
}

export interface FollowUp {
  readonly followUpId: string;
  readonly title: string;
  readonly owner: string;
  readonly dueAt: Instant;
  readonly plannedAt: Instant;
  readonly completedAt?: Instant;
}

/** A passage of an answer an operator tagged with demand themes (or a suggestion accepted). */
export interface ThemeTag {
  readonly tagId: string;
  readonly sectionId: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly themeIds: readonly string[];
  readonly suggestionScore?: number;
  readonly by: Actor;
  readonly taggedAt: Instant;
}

/** A theme an operator rejected for an answer: it is not suggested there again. */
export interface RejectedSuggestion {
  readonly sectionId: string;
  readonly themeId: string;
}

export interface NoDossier {
  readonly status: 'NONE';
}

/** What the eligibility check, then an operator, decided about a submitted dossier. */
export interface DossierEligibility {
  readonly decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';
  readonly reasons: readonly string[];
  readonly overriddenBy?: Actor;
  readonly overrideReason?: string;
}

/** One reviewer's last scores on the dossier. */
export interface DossierReview {
  readonly reviewerId: string;
  readonly scores: readonly CriterionScore[];
  /** Out of 20 (`weightedScore`), as computed when scored. */
  readonly weightedScore: number;
  readonly scoredAt: Instant;
}

export interface ConflictOfInterest {
  readonly reviewerId: string;
  readonly reason: string;
  readonly declaredAt: Instant;
}

/** What every dossier holds, whatever its stage; the stages below say what more they hold. */
interface DossierFields {
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationType: OrganisationType;
  readonly profession: string | null;
  readonly terms: DossierCampaignTerms;
  readonly answers: Answers;
  readonly completeness: Completeness;
  readonly createdAt: Instant;
  readonly submittedAt?: Instant;
  readonly eligibility?: DossierEligibility;
  readonly screening?: {
    readonly result: 'SHORTLISTED' | 'NOT_RETAINED';
    readonly note: string | null;
  };
  readonly clarifications: readonly Clarification[];
  /** The consultation last fixed; a dossier consulted, followed up or closed still holds it. */
  readonly consultation?: Consultation;
  /**
   * The last SEQUENCE sent to calendars under each consultation id (its UID), a cancellation
   * included, so that the next version of the same id comes after it (RFC 5545 §3.8.7.4).
   */
  readonly consultationSequences?: Readonly<Record<string, number>>;
  readonly outcome?: { readonly summary: string; readonly supportFormIds: readonly string[] };
  readonly followUps: readonly FollowUp[];
  /** Periods the organisation cannot attend a consultation, as it last declared them. */
  readonly unavailability: readonly Period[];
  /** The operators assigned to review it, in the order assigned; absent until the first. */
  readonly reviewers?: readonly string[];
  /** Each reviewer's last scores, in the order first given; absent until the first. */
  readonly reviews?: readonly DossierReview[];
  /** Reviewers who declared a conflict of interest with the organisation. */
  readonly conflicts?: readonly ConflictOfInterest[];
  /** Keys of the reminders already issued about this dossier (see `reminderKey`). */
  readonly issuedReminders: readonly string[];
  /**
   * The passages tagged with demand themes, in tagging order; absent from states folded before
   * tags existed (read through `themeTagsOf`).
   */
  readonly themeTags?: readonly ThemeTag[];
  /** The suggestions rejected, by answer and theme; absent as `themeTags` is. */
  readonly rejectedSuggestions?: readonly RejectedSuggestion[];
  /** Instant of the last event: the last change anyone can see. */
  readonly lastChangedAt: Instant;
}

/** The statuses an eligibility decision put the dossier in: it holds that decision. */
export type AssessedStatus = 'NEEDS_REVIEW' | 'ELIGIBLE' | 'INELIGIBLE';

export interface AssessedDossier extends DossierFields {
  readonly status: AssessedStatus;
  readonly eligibility: DossierEligibility;
}

/** A dossier waiting for its consultation always knows which one, when and where. */
export interface DossierAwaitingConsultation extends DossierFields {
  readonly status: 'CONSULTATION_SCHEDULED';
  readonly consultation: Consultation;
}

export interface DossierInOtherStatus extends DossierFields {
  readonly status: Exclude<DossierStatus, AssessedStatus | 'CONSULTATION_SCHEDULED'>;
}

/**
 * A dossier, told apart by its status so that the compiler knows what each stage holds. The
 * shape is the same JSON as before the split: it only says which optional fields are certain.
 */
export type Dossier = AssessedDossier | DossierAwaitingConsultation | DossierInOtherStatus;

/** A dossier in one of `statuses`, with what those stages hold (see `requireStatus`). */
export type DossierIn<S extends DossierStatus> = Dossier & { readonly status: S };

export type DossierState = NoDossier | Dossier;

export const initialDossierState: DossierState = { status: 'NONE' };

export function isDossier(state: DossierState): state is Dossier {
  return state.status !== 'NONE';
}

/** States after submission in which the dossier waits for the screening to begin. */
export const AWAITING_SCREENING: readonly DossierStatus[] = [
  'SUBMITTED',
  'NEEDS_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
];

/** States in which the dossier is still with its organisation or being screened. */
export const WITHDRAWABLE: readonly DossierStatus[] = [
  'DRAFT',
  ...AWAITING_SCREENING,
  'UNDER_SCREENING',
];

/** States a dossier never leaves. */
export const FINAL_STATUSES: readonly DossierStatus[] = [
  'NOT_RETAINED',
  'CLOSED',
  'WITHDRAWN',
  'EXPIRED',
  'CANCELLED',
];

export function openClarification(
  dossier: Pick<Dossier, 'clarifications'>,
): Clarification | undefined {
  return dossier.clarifications.find((c) => c.answeredAt === undefined && c.lapsedAt === undefined);
}

/** The next date something is due on this dossier, if any: what operators sort by. */
export function nextDeadline(dossier: Dossier): Instant | undefined {
  const candidates: Instant[] = [];
  if (dossier.status === 'DRAFT') candidates.push(dossier.terms.submissionDeadline);
  const clarification = FINAL_STATUSES.includes(dossier.status)
    ? undefined
    : openClarification(dossier);
  if (clarification) candidates.push(clarification.dueAt);
  if (dossier.status === 'CONSULTATION_SCHEDULED') {
    candidates.push(dossier.consultation.startsAt);
  }
  if (dossier.status === 'FOLLOW_UP') {
    for (const followUp of dossier.followUps) {
      if (followUp.completedAt === undefined) candidates.push(followUp.dueAt);
    }
  }
  return candidates.sort()[0];
}
