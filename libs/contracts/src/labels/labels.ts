// French words for the API's codes (libs/domain): states, phases, organisation types, events.
// One table for the console (apps/console, a browser bundle: it imports @amiflow/contracts/labels
// alone, so nothing else of this library reaches it) and the API's synthesis report (PDF, XLSX,
// CSV), so that both say a code in the same words. Plain values, no imports.

export const DOSSIER_STATES: Readonly<Record<string, string>> = {
  DRAFT: 'Brouillon',
  SUBMITTED: 'Déposé',
  ELIGIBLE: 'Recevable',
  INELIGIBLE: 'Irrecevable',
  NEEDS_REVIEW: 'À examiner',
  UNDER_SCREENING: 'En instruction',
  SHORTLISTED: 'Retenu pour audition',
  NOT_RETAINED: 'Non retenu',
  CONSULTATION_SCHEDULED: 'Audition fixée',
  CONSULTED: 'Auditionné',
  FOLLOW_UP: 'Suivi',
  CLOSED: 'Clos',
  WITHDRAWN: 'Retiré',
  EXPIRED: 'Expiré',
  CANCELLED: 'Annulé',
};

export const CAMPAIGN_PHASES: Readonly<Record<string, string>> = {
  DRAFT: 'En préparation',
  SCHEDULED: 'Programmée',
  OPEN: 'Ouverte aux dépôts',
  SUBMISSIONS_CLOSED: 'Dépôts clos',
  SCREENING: 'Instruction',
  CONSULTATIONS: 'Auditions',
  CLOSED: 'Close',
  CANCELLED: 'Annulée',
};

export const ORGANISATION_TYPES: Readonly<Record<string, string>> = {
  CNP: 'Conseil national professionnel',
  FEDERATIVE_STRUCTURE: 'Structure fédérative',
  PROFESSIONAL_COLLEGE: 'Collège professionnel',
  LEARNED_SOCIETY: 'Société savante',
  PROFESSIONAL_UNION: 'Syndicat professionnel',
  ASSOCIATION: 'Association',
  COMPANY: 'Entreprise',
  HOSPITAL: 'Établissement de santé',
  INDIVIDUAL_PRACTITIONER: 'Professionnel exerçant seul',
  PUBLIC_BODY: 'Organisme public',
  OTHER: 'Autre',
};

export const EVENT_TYPES: Readonly<Record<string, string>> = {
  DossierDraftCreated: 'Brouillon créé',
  DossierAnswersSaved: 'Réponses enregistrées',
  DossierSubmitted: 'Dossier déposé',
  DossierEligibilityAssessed: 'Recevabilité évaluée',
  DossierEligibilityOverridden: 'Recevabilité décidée par un agent',
  DossierScreeningStarted: 'Instruction commencée',
  DossierScreened: "Résultat de l'instruction",
  ClarificationRequested: 'Demande de précisions',
  ClarificationAnswered: 'Précisions apportées',
  ClarificationLapsed: 'Demande de précisions restée sans réponse',
  DossierWithdrawn: 'Dossier retiré',
  DossierExpired: 'Brouillon expiré à la date limite',
  ConsultationScheduled: 'Audition fixée',
  ConsultationCancelled: 'Audition annulée',
  DossierConsulted: 'Audition tenue',
  FollowUpPlanned: 'Suite prévue',
  FollowUpCompleted: 'Suite réalisée',
  DossierClosed: 'Dossier clos',
  DossierCancelled: 'Dossier annulé avec la campagne',
  DossierReminderIssued: 'Relance envoyée',
  DossierCalendarUpdated: 'Calendrier mis à jour',
  UnavailabilityDeclared: 'Indisponibilités déclarées',
  ReviewersAssigned: 'Évaluateurs désignés',
  DossierScored: 'Dossier noté par un évaluateur',
  ConflictOfInterestDeclared: "Conflit d'intérêts déclaré",
  DossierEvaluationGridUpdated: "Grille d'évaluation mise à jour",
  PassageTagged: 'Passage étiqueté par thème',
  ThemeTagRemoved: 'Étiquette de thème retirée',
  ThemeSuggestionRejected: 'Suggestion de thème écartée',
};

export const ROLE_NAMES: Readonly<Record<string, string>> = {
  operator: 'Instructeur',
  admin: 'Administrateur',
  organisation: 'Organisation',
};

/** Whose events: an agent, an organisation, or amiflow itself. */
export function actorName(actor: { id: string; role: string }): string {
  if (actor.role === 'system') return 'amiflow (automatique)';
  return `${ROLE_NAMES[actor.role] ?? actor.role} ${actor.id}`;
}

export const label = (
  table: Readonly<Record<string, string>>,
  code: string | null | undefined,
): string => (code === null || code === undefined ? '—' : (table[code] ?? code));

/** What falls due (libs/domain DUE_KINDS), in the words of the API's deadline view. */
export const DUE_KINDS: Readonly<Record<string, string>> = {
  DEADLINE: 'Date limite de dépôt',
  CLARIFICATION: 'Réponse à la demande de précisions',
  CONSULTATION: 'Consultation individuelle',
  FOLLOW_UP: 'Suite à donner',
  REMINDER: 'Relance',
};

/** The list's tabs (libs/domain DOSSIER_TABS) and the count field of each in dossier-counts. */
export const DOSSIER_TABS = [
  { tab: 'to-process', count: 'toProcess', name: 'À traiter' },
  {
    tab: 'awaiting-organisation',
    count: 'awaitingOrganisation',
    name: "En attente de l'organisation",
  },
  { tab: 'processed', count: 'processed', name: 'Traités' },
  { tab: 'all', count: 'all', name: 'Tous' },
] as const;

/** The mails amiflow sends (libs/domain REMINDER_KINDS). */
export const REMINDER_KINDS: Readonly<Record<string, string>> = {
  CAMPAIGN_INVITATION: 'Invitation à la campagne',
  MEETING_REMINDER: 'Rappel de la réunion',
  OPERATOR_DIGEST: 'Récapitulatif des agents',
  DEADLINE_REMINDER: 'Relance avant la date limite de dépôt',
  CLARIFICATION_REMINDER: 'Relance de la demande de précisions',
  CONSULTATION_REMINDER: 'Rappel de la consultation individuelle',
  FOLLOW_UP_REMINDER: 'Rappel de la suite à donner',
};

/**
 * What a mail is about: a reminder kind, or the dossier event it tells of (the ledger keys those
 * by the event's type), « Avis : Dossier déposé ».
 */
export function mailName(kind: string): string {
  if (REMINDER_KINDS[kind]) return REMINDER_KINDS[kind];
  return EVENT_TYPES[kind] ? `Avis : ${EVENT_TYPES[kind]}` : kind;
}

/** A delivery's status in the ledger (apps/api DossierDeliveryOutput). */
export const DELIVERY_STATUSES: Readonly<Record<string, string>> = {
  SENT: 'Envoyé',
  NO_ADDRESS: 'Pas d’adresse',
  FAILED: 'En échec, nouvel essai prévu',
  PENDING: 'En attente',
};

/** Temporal's workflow statuses. */
export const WORKFLOW_STATUSES: Readonly<Record<string, string>> = {
  RUNNING: 'En cours',
  COMPLETED: 'Terminé',
  FAILED: 'En échec',
  CANCELLED: 'Annulé',
  TERMINATED: 'Arrêté',
  CONTINUED_AS_NEW: 'Poursuivi dans une nouvelle exécution',
  TIMED_OUT: 'Expiré',
};

/** What the screening concluded (RecordScreeningResult). */
export const SCREENING_RESULTS: Readonly<Record<string, string>> = {
  SHORTLISTED: 'Retenu pour une audition',
  NOT_RETAINED: 'Non retenu',
};

/** The operator's decisions (libs/domain OPERATOR_COMMANDS), as the dossier page offers them. */
export const OPERATOR_COMMAND_NAMES: Readonly<Record<string, string>> = {
  OverrideEligibility: 'Décider de la recevabilité',
  RequestClarification: 'Demander une précision',
  RecordScreeningResult: "Enregistrer le résultat de l'instruction",
  ScheduleConsultation: "Fixer ou déplacer l'audition",
  CancelConsultation: "Annuler l'audition",
  RecordConsultationOutcome: "Enregistrer le compte rendu de l'audition",
  PlanFollowUp: 'Prévoir une suite',
  CompleteFollowUp: 'Marquer une suite comme faite',
  CloseDossier: 'Clore le dossier',
};

/** A dossier whose organisation declared no profession, in the synthesis's groupings. */
export const NO_PROFESSION = 'Sans profession déclarée';

/** A completeness bucket of the synthesis, from its lower bound (0, 25, 50, 75, 100). */
export function completenessLabel(from: number): string {
  return from >= 100 ? '100 %' : `${from} à ${from + 24} %`;
}
