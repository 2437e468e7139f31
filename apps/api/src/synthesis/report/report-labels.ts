// French words for the codes the report shows: the same as the console's (apps/console/src/
// labels.ts), which the API cannot import (the console is a browser bundle).

export const DOSSIER_STATE_LABELS: Readonly<Record<string, string>> = {
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

export const ORGANISATION_TYPE_LABELS: Readonly<Record<string, string>> = {
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

export const NO_PROFESSION = 'Sans profession déclarée';

export function completenessLabel(from: number): string {
  return from >= 100 ? '100 %' : `${from} à ${from + 24} %`;
}
