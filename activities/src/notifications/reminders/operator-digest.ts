import { Dossier, openClarification } from '@amiflow/domain';

/** What the operators' daily digest lists: what waits on them, and what is late. */
export interface DigestItems {
  /** Organisations whose eligibility an operator must decide. */
  readonly needsReview: readonly string[];
  readonly overdueFollowUps: readonly { organisation: string; title: string; dueAt: string }[];
  readonly pendingClarifications: readonly { organisation: string; dueAt: string }[];
  readonly consultationsToday: readonly { organisation: string; startsAt: string; place: string }[];
  /** Notifications that could not be sent yet (Temporal keeps retrying them). */
  readonly failedDeliveries: number;
}

/** Gathers the digest from the dossiers' folded states, as of `now`; `isToday` reads the local day. */
export function digestItems(
  dossiers: readonly Dossier[],
  now: Date,
  isToday: (instant: string) => boolean,
  failedDeliveries: number,
): DigestItems {
  const items: {
    needsReview: string[];
    overdueFollowUps: { organisation: string; title: string; dueAt: string }[];
    pendingClarifications: { organisation: string; dueAt: string }[];
    consultationsToday: { organisation: string; startsAt: string; place: string }[];
  } = { needsReview: [], overdueFollowUps: [], pendingClarifications: [], consultationsToday: [] };
  for (const dossier of dossiers) {
    const organisation = dossier.organisationName;
    if (dossier.status === 'NEEDS_REVIEW') items.needsReview.push(organisation);
    const clarification = openClarification(dossier);
    if (clarification)
      items.pendingClarifications.push({ organisation, dueAt: clarification.dueAt });
    if (dossier.status === 'FOLLOW_UP') {
      for (const followUp of dossier.followUps) {
        if (followUp.completedAt === undefined && Date.parse(followUp.dueAt) < now.getTime()) {
          items.overdueFollowUps.push({
            organisation,
            title: followUp.title,
            dueAt: followUp.dueAt,
          });
        }
      }
    }
    const consultation = dossier.consultation;
    if (
      dossier.status === 'CONSULTATION_SCHEDULED' &&
      consultation &&
      isToday(consultation.startsAt)
    ) {
      items.consultationsToday.push({
        organisation,
        startsAt: consultation.startsAt,
        place: consultation.place,
      });
    }
  }
  return { ...items, failedDeliveries };
}

/** The states in which a dossier can appear in the digest. */
export const DIGEST_STATES = [
  'SUBMITTED',
  'NEEDS_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'UNDER_SCREENING',
  'CONSULTATION_SCHEDULED',
  'FOLLOW_UP',
] as const;
