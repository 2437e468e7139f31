import { lapseRelevance, notApplicable, ReminderRelevance } from '../reminders/reminder-relevance';
import { DueReminder, reminderKey, ReminderRule } from '../reminders/reminder-rule';
import { reminderDueAt } from '../reminders/reminder-due-at';
import { instant } from '../time/instant';
import {
  calendarSequenceOf,
  Consultation,
  Dossier,
  FINAL_STATUSES,
  openClarification,
} from './dossier.state';

/** An occurrence with the instant from which it concerns no one any more. */
interface Occurrence {
  readonly due: DueReminder;
  /** The deadline, the clarification's or follow-up's due date, the consultation's start. */
  readonly lapsesAt: string;
}

/**
 * Reminders about this dossier not issued yet that still concern it, with their times: the
 * workflow sleeps until the first one. A dossier submitted after J-7 has no J-1 here; nor does a
 * reminder whose time had passed when its date was set (a draft begun six days before the
 * deadline gets no J-7, a consultation fixed for this afternoon no reminder the day before).
 */
export function pendingDossierReminders(dossier: Dossier): DueReminder[] {
  return dossier.terms.reminders
    .flatMap((rule) => occurrencesOf(dossier, rule))
    .map((occurrence) => occurrence.due)
    .filter((reminder) => !dossier.issuedReminders.includes(reminderKey(reminder)))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * Whether this reminder (issued or not) still concerns the dossier at `now` (UTC): its occurrence
 * still applies to the dossier's state, and what it reminds of has neither started nor fallen due
 * (`lapseRelevance`, one rule for every kind). The decider asks it before issuing; the
 * notification activity asks it again, on the dossier as stored, right before the mail goes out.
 */
export function dossierReminderRelevance(
  dossier: Dossier,
  reminder: Pick<DueReminder, 'ruleId' | 'occurrence'>,
  now: Date,
): ReminderRelevance {
  const rule = dossier.terms.reminders.find((candidate) => candidate.id === reminder.ruleId);
  if (!rule) return notApplicable(`rule ${reminder.ruleId} is not in the dossier's terms`);
  const occurrence = occurrencesOf(dossier, rule).find(
    (candidate) => candidate.due.occurrence === reminder.occurrence,
  );
  if (!occurrence) {
    return notApplicable(
      `${rule.kind} ${reminder.occurrence} does not apply to a ${dossier.status} dossier`,
    );
  }
  return lapseRelevance(rule.kind, occurrence.lapsesAt, now);
}

function occurrencesOf(dossier: Dossier, rule: ReminderRule): Occurrence[] {
  const zone = dossier.terms.timeZone;
  const due = (occurrence: string, anchor: string, setAt: string): Occurrence[] => {
    const dueAt = instant(reminderDueAt(rule, new Date(anchor), zone));
    return Date.parse(dueAt) > Date.parse(setAt)
      ? [{ due: { ruleId: rule.id, kind: rule.kind, occurrence, dueAt }, lapsesAt: anchor }]
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
