import {
  CONCERNED,
  lapseRelevance,
  notApplicable,
  ReminderRelevance,
} from '../reminders/reminder-relevance';
import { DueReminder, reminderKey, ReminderRule } from '../reminders/reminder-rule';
import { reminderDueAt } from '../reminders/reminder-due-at';
import { instant } from '../time/instant';
import { addCalendarDays, fromLocalDateTime, toLocalDateTime } from '../time/zoned-time';
import { confirmedRegistrations } from './campaign.meeting';
import { Campaign } from './campaign.state';

/** Phases in which operators get their daily digest. */
const DIGEST_PHASES = new Set(['OPEN', 'SUBMISSIONS_CLOSED', 'SCREENING', 'CONSULTATIONS']);

/**
 * Campaign-wide reminders not issued yet that still concern someone, with their times. For the
 * daily digest, only the next occurrence on or after `now`'s day.
 */
export function pendingCampaignReminders(campaign: Campaign, now: Date): DueReminder[] {
  const pending: DueReminder[] = [];
  for (const rule of campaign.definition.reminders) {
    const due = dueOccurrence(campaign, rule, now);
    if (due && !campaign.issuedReminders.includes(reminderKey(due))) pending.push(due);
  }
  return pending.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The occurrence of this rule that could be issued, or undefined when it concerns no one now. */
export function dueOccurrence(
  campaign: Campaign,
  rule: ReminderRule,
  now: Date,
): DueReminder | undefined {
  const zone = campaign.definition.timeZone;
  const due = (occurrence: string, at: Date): DueReminder => ({
    ruleId: rule.id,
    kind: rule.kind,
    occurrence,
    dueAt: instant(at),
  });
  const { calendar, phase } = campaign;
  switch (rule.kind) {
    case 'CAMPAIGN_INVITATION':
      if (phase !== 'SCHEDULED' && phase !== 'OPEN') return undefined;
      return due('opening', reminderDueAt(rule, new Date(calendar.opensAt), zone));
    case 'MEETING_REMINDER': {
      if (phase !== 'SCHEDULED' && phase !== 'OPEN') return undefined;
      if (!calendar.meetingStartsAt || Date.parse(calendar.meetingStartsAt) <= now.getTime()) {
        return undefined;
      }
      return due('meeting', reminderDueAt(rule, new Date(calendar.meetingStartsAt), zone));
    }
    case 'OPERATOR_DIGEST': {
      if (!DIGEST_PHASES.has(phase)) return undefined;
      const today = toLocalDateTime(now, zone).slice(0, 10);
      const todayAt = fromLocalDateTime(`${today}T${rule.atLocalTime ?? '08:00'}`, zone);
      const issuedToday = campaign.issuedReminders.includes(
        reminderKey({ ruleId: rule.id, occurrence: today }),
      );
      const at = issuedToday ? addCalendarDays(todayAt, 1, zone) : todayAt;
      return due(toLocalDateTime(at, zone).slice(0, 10), at);
    }
    default:
      // Reminders about one dossier are the dossier's.
      return undefined;
  }
}

/**
 * Whether a campaign-wide reminder still concerns this recipient at `now` (UTC), asked right
 * before its mail goes out, on the campaign as stored: the invitation while submissions are open,
 * the meeting reminder to an organisation still confirmed for a meeting that has not begun, the
 * digest while dossiers are handled. `recipient` is an organisation id, or `operators`.
 */
export function campaignReminderRelevance(
  campaign: Campaign,
  reminder: Pick<DueReminder, 'ruleId' | 'occurrence'>,
  recipient: string,
  now: Date,
): ReminderRelevance {
  const rule = campaign.definition.reminders.find((candidate) => candidate.id === reminder.ruleId);
  if (!rule) return notApplicable(`rule ${reminder.ruleId} is not in the campaign's definition`);
  const { calendar, phase } = campaign;
  switch (rule.kind) {
    case 'CAMPAIGN_INVITATION':
      if (phase !== 'SCHEDULED' && phase !== 'OPEN') {
        return notApplicable(`${rule.kind} does not apply to a ${phase} campaign`);
      }
      return lapseRelevance(rule.kind, calendar.submissionDeadline, now);
    case 'MEETING_REMINDER': {
      if ((phase !== 'SCHEDULED' && phase !== 'OPEN') || !calendar.meetingStartsAt) {
        return notApplicable(`${rule.kind} does not apply to a ${phase} campaign without meeting`);
      }
      const confirmed = confirmedRegistrations(campaign).some(
        (registration) => registration.organisationId === recipient,
      );
      if (!confirmed) return notApplicable(`${recipient} is no longer confirmed for the meeting`);
      return lapseRelevance(rule.kind, calendar.meetingStartsAt, now);
    }
    case 'OPERATOR_DIGEST':
      return DIGEST_PHASES.has(phase)
        ? CONCERNED
        : notApplicable(`${rule.kind} does not apply to a ${phase} campaign`);
    default:
      return notApplicable(`${rule.kind} is about one dossier, not the campaign`);
  }
}
