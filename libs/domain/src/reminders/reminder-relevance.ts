import { hasReached } from '../time/instant';
import { ReminderKind } from './reminder-rule';

/**
 * Whether an issued reminder still concerns its recipient. Asked twice: by the deciders when the
 * reminder is issued, and by the notification side right before the mail goes out, against the
 * state of record then (a dossier submitted while the mail server was slow gets no deadline
 * reminder). `reason` and `detail` are for logs and the delivery ledger (English); the deciders
 * word their own French refusal.
 */
export type ReminderRelevance =
  | { readonly concerned: true }
  | {
      readonly concerned: false;
      /** `LAPSED`: what it reminds of has started or fallen due; `NOT_APPLICABLE`: the state moved on. */
      readonly reason: 'LAPSED' | 'NOT_APPLICABLE';
      readonly detail: string;
    };

export const CONCERNED: ReminderRelevance = { concerned: true };

/**
 * The one rule for every kind: a reminder about something that starts or falls due at `lapsesAt`
 * (a deadline, a clarification's due date, a consultation, a follow-up's due date, the meeting)
 * concerns no one from that very instant, however late the worker or the mail server was.
 */
export function lapseRelevance(
  kind: ReminderKind,
  lapsesAt: string | undefined,
  now: Date,
): ReminderRelevance {
  if (lapsesAt === undefined || !hasReached(now, lapsesAt)) return CONCERNED;
  return { concerned: false, reason: 'LAPSED', detail: `${kind} lapsed at ${lapsesAt}` };
}

export function notApplicable(detail: string): ReminderRelevance {
  return { concerned: false, reason: 'NOT_APPLICABLE', detail };
}

/** Why a reminder is refused once what it is about has started or passed, in French. */
export const LAPSE_MESSAGES: Readonly<Record<ReminderKind, string>> = {
  CAMPAIGN_INVITATION: 'le dépôt des dossiers est clos',
  MEETING_REMINDER: "la réunion d'information a commencé",
  OPERATOR_DIGEST: "la campagne n'est plus instruite",
  DEADLINE_REMINDER: 'la date limite de dépôt est passée',
  CLARIFICATION_REMINDER: 'la date de réponse à la demande de précisions est passée',
  CONSULTATION_REMINDER: 'la consultation a commencé',
  FOLLOW_UP_REMINDER: "l'échéance de l'action de suivi est passée",
};
