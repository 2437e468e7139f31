// The API's answers as the console reads them (apps/api DTOs; OpenAPI at /api/docs). Instants are
// ISO 8601 UTC strings.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Calendar {
  opensAt: string;
  meetingRegistrationDeadline?: string;
  meetingStartsAt?: string;
  meetingEndsAt?: string;
  submissionDeadline: string;
  consultationsStartAt: string;
}

export interface Campaign {
  campaignId: string;
  title: string;
  phase: string;
  timeZone: string;
  calendar: Calendar;
  dossierCounts: Record<string, number>;
  createdAt: string;
  phaseChangedAt: string;
  meeting: {
    place: string;
    capacity: number;
    registeredCount: number;
    waitingListCount: number;
  } | null;
  sections?: { id: string; title: string; required: boolean }[];
  cancellationReason?: string | null;
}

export interface Dossier {
  campaignId: string;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  profession: string | null;
  state: string;
  completenessPercent: number;
  missingRequiredSections: string[];
  nextDeadline: string | null;
  /** First item still due on the dossier (null: none), what it is, and whether it has passed. */
  nextDueAt: string | null;
  nextDueKind: string | null;
  late: boolean;
  submittedAt: string | null;
  version: number;
  createdAt: string;
  lastChangeAt: string;
}

export interface TimelineEvent {
  version: number;
  type: string;
  occurredAt: string;
  actor: { id: string; role: string };
  data: unknown;
}

export interface SignInOptions {
  development: boolean;
  organisations: { organisationId: string; name: string }[];
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export interface DossierCounts {
  tabs: { toProcess: number; awaitingOrganisation: number; processed: number; all: number };
  byStatus: Record<string, number>;
}

/** One thing that falls due on one dossier (GET /campaigns/{c}/due). */
export interface DueItem {
  organisationId: string;
  organisationName: string;
  status: string;
  kind: string;
  dueAt: string;
  late: boolean;
  /** Milliseconds from the request to dueAt; negative when late. */
  msLeft: number;
  label: string;
}

/** One notification about a dossier to one recipient (GET …/dossiers/{o}/deliveries). */
export interface DossierDelivery {
  deliveryKey: string;
  kind: string;
  /** Who it is for (an organisation id, or the operators). */
  recipient: string;
  /** Where the ledger says it went; null when the recipient had no address. */
  address: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  dueAt: string;
}

/** The dossier's workflow as Temporal describes it (GET …/dossiers/{o}/workflow). */
export interface DossierWorkflow {
  workflowId: string;
  runId: string | null;
  status: string | null;
  waitingFor: { kind: string; at: string; label: string }[];
  pendingActivities: { activityType: string; attempt: number; lastFailure: string | null }[];
  temporalUiUrl: string | null;
}

/** What needs attention on a campaign (GET /campaigns/{c}/alerts). */
export interface CampaignAlerts {
  failedDeliveries: number;
  waitingOnOperator: number;
  stuckWorkflows: {
    workflowId: string;
    organisationId: string;
    /** FAILED, TERMINATED, TIMED_OUT, or DEADLINE_PASSED (running, yet a date it acts on passed). */
    reason: string;
    since: string | null;
  }[];
}

/** One registration for the information meeting (GET /campaigns/{c}/meeting/registrations). */
export interface MeetingRegistration {
  organisationId: string;
  organisationName: string;
  status: 'CONFIRMED' | 'WAITLISTED';
  registeredAt: string;
  /** From 1; null when confirmed. */
  waitingListPosition: number | null;
}

export interface MeetingRegistrations {
  capacity: number;
  confirmed: MeetingRegistration[];
  waitingList: MeetingRegistration[];
}

interface SynthesisGroup {
  dossiers: number;
  submitted: number;
}

export interface SupportFormCount {
  supportFormId: string;
  label: string;
  dossiers: number;
  professions: string[];
}

/** GET /campaigns/{c}/synthesis. */
export interface Synthesis {
  campaignId: string;
  totalDossiers: number;
  byState: (SynthesisGroup & { state: string })[];
  byProfession: (SynthesisGroup & { profession: string | null })[];
  byOrganisationType: (SynthesisGroup & { organisationType: string })[];
  bySupportForm: SupportFormCount[];
  sharedDemands: SupportFormCount[];
  /** The demand themes (issue 13, item 4): from tags placed or accepted only. */
  themes: { themeId: string; label: string }[];
  themeMatrix: {
    /** Columns: professions with a tagged dossier, sorted; null (none stated) last. */
    professions: (string | null)[];
    /** Every theme, in the taxonomy's order; cells in the columns' order. */
    rows: {
      themeId: string;
      label: string;
      dossiers: number;
      byProfession: { profession: string | null; dossiers: number }[];
    }[];
  };
  /** Themes raised by at least `threshold` professions (the query's commonThreshold, 2 by default). */
  commonDemands: { threshold: number; demands: CommonDemand[] };
  supportFormsWishedAndRetained: {
    supportFormId: string;
    label: string;
    wished: number;
    retained: number;
  }[];
  /** Best weighted score first; `available` false when there is no grid and no score. */
  bestProposals: { available: boolean; proposals: BestProposal[] };
  byCompleteness: { from: number; dossiers: number }[];
}

export interface CommonDemand {
  themeId: string;
  label: string;
  professions: string[];
  dossiers: number;
  /** Up to three tagged passages per profession; consolePath starts with /console/. */
  quotes: {
    organisationId: string;
    organisationName: string;
    profession: string | null;
    sectionId: string;
    quote: string;
    consolePath: string;
  }[];
}

export interface BestProposal {
  organisationId: string;
  organisationName: string;
  profession: string | null;
  /** Mean of the reviewers' weighted scores, out of 20, to two decimals. */
  weightedScore: number;
  /** Reviewer by reviewer, « Critère : commentaire ». */
  comments: string[];
  consolePath: string;
}

/** A notification the ledger could not deliver (GET /campaigns/{c}/deliveries/failures). */
export interface DeliveryFailure {
  /** FAILED: being retried; DROPPED: settled without a mail (droppedReason says why). */
  status: 'FAILED' | 'DROPPED';
  droppedReason: string | null;
  organisationId: string | null;
  ruleId: string;
  kind: string;
  occurrence: string;
  recipient: string;
  address: string | null;
  failedAttempts: number;
  lastError: string | null;
  dueAt: string;
  lastAttemptAt: string;
}

/** A directory entry (GET/PUT /organisations/{o}). */
export interface Organisation {
  organisationId: string;
  name: string;
  type: string;
  profession: string | null;
  identifiers: Record<string, string>;
  parentFederationId: string | null;
  professionHasCnp: boolean | null;
  email: string | null;
  updatedAt: string;
}

/** One of the caller's saved views of a campaign's dossier list (GET /me/views). */
export interface SavedView {
  viewId: string;
  name: string;
  campaignId: string;
  /** The dossier list's API query string (tab, filters, sort), without cursor or limit. */
  query: string;
  /** The table's columns (the console's keys); empty: all. */
  columns: string[];
  updatedAt: string;
}

/** What an operator decides (libs/domain OPERATOR_COMMANDS), in the read of one dossier. */
export type OperatorCommand =
  | 'OverrideEligibility'
  | 'RequestClarification'
  | 'RecordScreeningResult'
  | 'ScheduleConsultation'
  | 'CancelConsultation'
  | 'RecordConsultationOutcome'
  | 'PlanFollowUp'
  | 'CompleteFollowUp'
  | 'CloseDossier';

export interface FollowUp {
  followUpId: string;
  title: string;
  owner: string;
  dueAt: string;
  plannedAt: string;
  completedAt: string | null;
}

/** The read of one dossier (GET …/dossiers/{o}): the row, and what the list leaves out. */
export interface DossierDetail extends Dossier {
  eligibility: {
    decision: string;
    reasons: { code: string; label: string }[];
    overrideReason: string | null;
  } | null;
  allowedOperatorCommands: OperatorCommand[];
  consultation: {
    consultationId: string;
    startsAt: string;
    endsAt: string;
    place: string;
    revision: number;
  } | null;
  outcome: { summary: string; supportFormIds: string[] } | null;
  followUps: FollowUp[];
}

/** GET …/dossiers/{o}/answers: every section of the questionnaire, in order. */
export interface DossierAnswers {
  sections: { sectionId: string; title: string; required: boolean; answer: string | null }[];
}

/** The campaign's forms of State support (GET /campaigns/{c}), retained by a consultation. */
export interface CampaignSupportForms {
  supportForms: { id: string; label: string }[];
}

/** One dossier of `GET /me/review-queue`: the signed-in operator is one of its reviewers. */
export interface ReviewQueueItem {
  campaignId: string;
  organisationId: string;
  organisationName: string;
  profession: string | null;
  state: string;
  assignedAt: string;
  /** When the operator last scored it; null while still to score. */
  scoredAt: string | null;
  /** Their review's weighted score out of 20; null while still to score. */
  weightedScore: number | null;
}

/** A criterion of a campaign's evaluation grid (`evaluationGrid` of the campaign file). */
export interface GridCriterion {
  id: string;
  label: string;
  description: string;
  weight: number;
  scale: { min: number; max: number };
}

export interface CriterionScore {
  criterionId: string;
  score: number;
  comment: string;
}

/** `GET /campaigns/{c}/dossiers/{o}/reviews` (docs/api.md, « Reviews »). */
export interface DossierReviews {
  state: string;
  grid: {
    criteria: GridCriterion[];
    disagreementThreshold: number;
    shortlistThreshold: number;
  } | null;
  reviewers: string[];
  reviews: {
    reviewerId: string;
    weightedScore: number | null;
    scoredAt: string;
    scores: CriterionScore[];
  }[];
  /** Who stepped aside, why and when: never given the dossier again. */
  conflicts: { reviewerId: string; reason: string; declaredAt: string }[];
  reviewCount: number;
  /** Out of 20, the mean of the complete reviews; null before the first. */
  weightedScore: number | null;
  /** Highest minus lowest review; null under two reviews. */
  spread: number | null;
  disagreement: boolean;
  /** SHORTLISTED or NOT_RETAINED, what the mean speaks for; null before the first review. */
  recommendation: string | null;
}

/** `GET /campaigns/{c}/dossiers/{o}/themes` (docs/api.md, « Demand themes and the synthesis »). */
export interface DossierThemes {
  themes: { themeId: string; label: string; description: string }[];
  tags: {
    tagId: string;
    sectionId: string;
    /** UTF-16 offsets in the answer's text, end excluded. */
    start: number;
    end: number;
    quote: string;
    themeIds: string[];
    suggestionScore: number | null;
    by: { id: string; role: string };
    taggedAt: string;
  }[];
  suggestions: {
    sectionId: string;
    themeId: string;
    label: string;
    /** The text analysis's confidence, 0 to 1. */
    score: number;
    passage: { start: number; end: number; text: string };
    words: { text: string; start: number; end: number }[];
  }[];
}

/** `POST /campaigns/{c}/reviewer-assignments`: the reviewers this run added, dossier by dossier. */
export interface AutomaticAssignment {
  /** Only the dossiers that got reviewers. */
  assignments: { organisationId: string; reviewerIds: string[] }[];
  /** Dossiers considered (eligible or under screening). */
  dossierCount: number;
}
