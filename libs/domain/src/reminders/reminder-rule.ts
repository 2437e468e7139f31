import { REMINDER_KINDS, ReminderKind } from './reminder-kinds';

export { REMINDER_KINDS } from './reminder-kinds';
export type { ReminderAnchor, ReminderAudience, ReminderKind } from './reminder-kinds';
export type { ReminderRule } from './reminder-rule.schema';

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
