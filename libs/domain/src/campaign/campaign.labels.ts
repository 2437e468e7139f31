import { CampaignPhase } from './campaign.state';

/** Each phase as a refusal names it, after « elle est … ». */
export const PHASE_LABELS: Readonly<Record<CampaignPhase, string>> = {
  DRAFT: 'en préparation',
  SCHEDULED: 'publiée mais pas encore ouverte',
  OPEN: 'ouverte',
  SUBMISSIONS_CLOSED: 'close aux dépôts',
  SCREENING: "en cours d'examen",
  CONSULTATIONS: 'en phase de consultations',
  CLOSED: 'clôturée',
  CANCELLED: 'annulée',
};
