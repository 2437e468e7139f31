import { Offset } from '../time/offset';

/**
 * Each kind of reminder has one date it is relative to and one audience; the campaign chooses
 * which kinds it sends, their offsets and their time of day.
 */
export const REMINDER_KINDS = {
  /** To the directory's eligible organisations, when the campaign opens. */
  CAMPAIGN_INVITATION: { anchor: 'OPENING', audience: 'DIRECTORY_ELIGIBLE', scope: 'campaign' },
  /** To those registered for the information meeting, with its calendar invitation. */
  MEETING_REMINDER: { anchor: 'MEETING', audience: 'MEETING_REGISTRANTS', scope: 'campaign' },
  /** To operators, every day while dossiers are handled: what is overdue. */
  OPERATOR_DIGEST: { anchor: 'EVERY_DAY', audience: 'OPERATORS', scope: 'campaign' },
  /** To an organisation whose dossier is still a draft. */
  DEADLINE_REMINDER: {
    anchor: 'SUBMISSION_DEADLINE',
    audience: 'UNSUBMITTED_DOSSIERS',
    scope: 'dossier',
  },
  /** To an organisation that has not answered a clarification request yet. */
  CLARIFICATION_REMINDER: {
    anchor: 'CLARIFICATION_DUE',
    audience: 'CLARIFICATION_PENDING',
    scope: 'dossier',
  },
  /** To an organisation invited to an individual consultation. */
  CONSULTATION_REMINDER: {
    anchor: 'CONSULTATION',
    audience: 'CONSULTATION_INVITEES',
    scope: 'dossier',
  },
  /** To the owner of a follow-up action not done yet. */
  FOLLOW_UP_REMINDER: { anchor: 'FOLLOW_UP_DUE', audience: 'FOLLOW_UP_OWNERS', scope: 'dossier' },
} as const;

export type ReminderKind = keyof typeof REMINDER_KINDS;
export type ReminderAnchor = (typeof REMINDER_KINDS)[ReminderKind]['anchor'];
export type ReminderAudience = (typeof REMINDER_KINDS)[ReminderKind]['audience'];

export interface ReminderRule {
  /** Stable within the campaign: a sent reminder is remembered by it. */
  readonly id: string;
  readonly kind: ReminderKind;
  /** Stated in the data for readers; must be the kind's own anchor. */
  readonly anchor: ReminderAnchor;
  readonly audience: ReminderAudience;
  /** From the anchor; negative before it. Ignored for EVERY_DAY. */
  readonly offset: Offset;
  /** Wall-clock time of day (`HH:mm`, campaign zone) once the offset has found the day. */
  readonly atLocalTime?: string;
}

export function isReminderKind(value: unknown): value is ReminderKind {
  return typeof value === 'string' && Object.hasOwn(REMINDER_KINDS, value);
}

export function reminderScope(kind: ReminderKind): 'campaign' | 'dossier' {
  return REMINDER_KINDS[kind].scope;
}

/** One reminder to issue: a rule applied to one occurrence of its anchor. */
export interface DueReminder {
  readonly ruleId: string;
  readonly kind: ReminderKind;
  /** Which occurrence of the anchor (`deadline`, a clarification id, a local date…). */
  readonly occurrence: string;
  readonly dueAt: string;
}

/** The key a sent reminder is remembered by: never sent twice, even if its date moves. */
export function reminderKey(reminder: Pick<DueReminder, 'ruleId' | 'occurrence'>): string {
  return `${reminder.ruleId}:${reminder.occurrence}`;
}
