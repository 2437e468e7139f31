import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { LAPSE_MESSAGES } from '../../reminders/reminder-relevance';
import { reminderKey } from '../../reminders/reminder-rule';
import { hasReached, instant } from '../../time/instant';
import { IssueDossierReminder } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { dossierReminderRelevance, pendingDossierReminders } from '../dossier.reminders';
import { Dossier } from '../dossier.state';
import { shown } from './dossier-rules';

/** A reminder about this dossier goes out once, when due, and only while it still concerns it. */
export function issueDossierReminder(
  command: IssueDossierReminder,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  const rule = state.terms.reminders.find((candidate) => candidate.id === command.ruleId);
  if (!rule) refuse(DomainErrorCode.UNKNOWN_REMINDER, `Relance inconnue : ${command.ruleId}.`);
  // Issuing twice is what a retried step does: the second time records nothing.
  if (state.issuedReminders.includes(reminderKey(command))) return [];
  const due = pendingDossierReminders(state).find(
    (reminder) => reminder.ruleId === command.ruleId && reminder.occurrence === command.occurrence,
  );
  if (!due) {
    refuse(
      DomainErrorCode.REMINDER_NOT_APPLICABLE,
      `La relance ${rule.id} (${command.occurrence}) ne concerne plus ce dossier.`,
    );
  }
  // Once what it reminds of has started or fallen due, a reminder, however late, concerns no one.
  const lapseApplies = !command.onlyDeadlineRemindersLapse || rule.kind === 'DEADLINE_REMINDER';
  if (lapseApplies && !dossierReminderRelevance(state, command, now).concerned) {
    refuse(
      DomainErrorCode.REMINDER_NOT_APPLICABLE,
      `La relance ${rule.id} n'a plus d'objet : ${LAPSE_MESSAGES[rule.kind]}.`,
    );
  }
  if (!hasReached(now, due.dueAt)) {
    refuse(
      DomainErrorCode.REMINDER_NOT_DUE,
      `La relance ${rule.id} ne part pas avant le ${shown(state, due.dueAt)}.`,
    );
  }
  return [{ type: 'DossierReminderIssued', data: { ...due, issuedAt: instant(now) } }];
}
