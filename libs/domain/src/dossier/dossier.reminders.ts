import { DueReminder, reminderKey, ReminderRule } from '../reminders/reminder-rule';
import { reminderDueAt } from '../reminders/reminder-schedule';
import { instant } from '../time/instant';
import {
  calendarSequenceOf,
  Consultation,
  Dossier,
  FINAL_STATUSES,
  openClarification,
} from './dossier.state';

/**
 * Reminders about this dossier not issued yet that still concern it, with their times: the
 * workflow sleeps until the first one. A dossier submitted after J-7 has no J-1 here; nor does a
 * reminder whose time had passed when its date was set (a draft begun six days before the
 * deadline gets no J-7, a consultation fixed for this afternoon no reminder the day before).
 */
export function pendingDossierReminders(dossier: Dossier): DueReminder[] {
  return dossier.terms.reminders
    .flatMap((rule) => occurrencesOf(dossier, rule))
    .filter((reminder) => !dossier.issuedReminders.includes(reminderKey(reminder)))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

function occurrencesOf(dossier: Dossier, rule: ReminderRule): DueReminder[] {
  const zone = dossier.terms.timeZone;
  const due = (occurrence: string, anchor: string, setAt: string): DueReminder[] => {
    const dueAt = instant(reminderDueAt(rule, new Date(anchor), zone));
    return Date.parse(dueAt) > Date.parse(setAt)
      ? [{ ruleId: rule.id, kind: rule.kind, occurrence, dueAt }]
      : [];
  };
  switch (rule.kind) {
    case 'DEADLINE_REMINDER':
      if (dossier.status !== 'DRAFT') return [];
      return due('deadline', dossier.terms.submissionDeadline, dossier.createdAt);
    case 'CLARIFICATION_REMINDER': {
      // A request left open on a withdrawn, rejected or cancelled dossier concerns no one.
      if (FINAL_STATUSES.includes(dossier.status)) return [];
      const clarification = openClarification(dossier);
      if (!clarification) return [];
      const { clarificationId, dueAt, requestedAt } = clarification;
      return due(clarificationId, dueAt, requestedAt);
    }
    case 'CONSULTATION_REMINDER': {
      const consultation = dossier.consultation;
      if (dossier.status !== 'CONSULTATION_SCHEDULED' || !consultation) return [];
      return due(
        consultationReminderOccurrence(consultation),
        consultation.startsAt,
        consultation.scheduledAt,
      );
    }
    case 'FOLLOW_UP_REMINDER':
      if (dossier.status !== 'FOLLOW_UP') return [];
      return dossier.followUps
        .filter((followUp) => followUp.completedAt === undefined)
        .flatMap((followUp) => due(followUp.followUpId, followUp.dueAt, followUp.plannedAt));
    default:
      return [];
  }
}

/**
 * The occurrence of a consultation's reminder: one per appointment, so a moved consultation, or
 * one fixed again under the same id after its cancellation, gets its own reminder. Numbered by the
 * version's calendar SEQUENCE plus one, which is its revision for every consultation never called
 * off (`consultation-1#1`, then `#2` after a move: the keys issued before stay valid), and goes
 * on counting after a cancellation (fix, cancel, fix again: `#1`, then `#3`).
 */
export function consultationReminderOccurrence(consultation: Consultation): string {
  return `${consultation.consultationId}#${calendarSequenceOf(consultation) + 1}`;
}
