import { DossierStatus } from './dossier.state';

/** Each status as a refusal names it, after « il est … ». */
export const STATUS_LABELS: Readonly<Record<DossierStatus, string>> = {
  DRAFT: 'en brouillon',
  SUBMITTED: 'déposé',
  NEEDS_REVIEW: "en attente d'une vérification d'éligibilité",
  ELIGIBLE: 'éligible',
  INELIGIBLE: 'inéligible',
  UNDER_SCREENING: "en cours d'examen",
  SHORTLISTED: 'retenu pour une consultation',
  NOT_RETAINED: 'non retenu',
  CONSULTATION_SCHEDULED: 'en attente de sa consultation',
  CONSULTED: 'consulté',
  FOLLOW_UP: 'en suivi',
  CLOSED: 'clos',
  WITHDRAWN: 'retiré',
  EXPIRED: 'expiré',
  CANCELLED: 'annulé avec sa campagne',
};
