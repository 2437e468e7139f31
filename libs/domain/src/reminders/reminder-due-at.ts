import { applyOffset } from '../time/offset';
import { ReminderRule } from './reminder-rule';

/** When a rule's reminder falls for one occurrence of its anchor, in the campaign's zone. */
export function reminderDueAt(rule: ReminderRule, anchor: Date, zone: string): Date {
  return applyOffset(anchor, rule.offset, zone, rule.atLocalTime);
}
