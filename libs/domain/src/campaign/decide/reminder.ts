import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { reminderKey } from '../../reminders/reminder-rule';
import { hasReached, instant } from '../../time/instant';
import { IssueCampaignReminder } from '../campaign.commands';
import { CampaignEvent } from '../campaign.events';
import { dueOccurrence } from '../campaign.reminders';
import { Campaign } from '../campaign.state';
import { shown } from './campaign-rules';

/** A campaign-wide reminder goes out once, when due, and only while it concerns someone. */
export function issueCampaignReminder(
  command: IssueCampaignReminder,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  const rule = state.definition.reminders.find((candidate) => candidate.id === command.ruleId);
  if (!rule) refuse(DomainErrorCode.UNKNOWN_REMINDER, `Relance inconnue : ${command.ruleId}.`);
  // Issuing twice is what a retried step does: the second time records nothing.
  if (state.issuedReminders.includes(reminderKey(command))) return [];
  const due = dueOccurrence(state, rule, now);
  if (!due || due.occurrence !== command.occurrence) {
    refuse(
      DomainErrorCode.REMINDER_NOT_APPLICABLE,
      `La relance ${rule.id} (${command.occurrence}) ne concerne plus personne.`,
    );
  }
  if (!hasReached(now, due.dueAt)) {
    refuse(
      DomainErrorCode.REMINDER_NOT_DUE,
      `La relance ${rule.id} ne part pas avant le ${shown(state, due.dueAt)}.`,
    );
  }
  return [{ type: 'CampaignReminderIssued', data: { ...due, issuedAt: instant(now) } }];
}
