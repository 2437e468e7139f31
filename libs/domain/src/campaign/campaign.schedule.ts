import { DueReminder } from '../reminders/reminder-rule';
import { earliestAfter } from '../time/earliest-after';
import { hasReached, Instant } from '../time/instant';
import {
  CloseSubmissions,
  OpenCampaign,
  StartConsultations,
  StartScreening,
} from './campaign.commands';
import { confirmedRegistrations } from './campaign.meeting';
import { pendingCampaignReminders } from './campaign.reminders';
import { Campaign } from './campaign.state';

// What falls due on a campaign as time passes, and when it next will: the policy the campaign's
// workflow follows on its own clock. The workflow keeps the mechanics (timers, activities, the
// order it acts in); these functions say what to do at an instant, from the state alone.

/** The phase changes the campaign's clock issues by itself. */
export type CampaignClockCommand =
  OpenCampaign | CloseSubmissions | StartScreening | StartConsultations;

/** A campaign-wide reminder whose time has come, and who it goes to. */
export interface DueCampaignReminder {
  readonly reminder: DueReminder;
  /**
   * The meeting reminder names the confirmed registrants; the invitation and the digest name
   * their audience, which the notification side expands (the directory's eligible organisations,
   * the operators).
   */
  readonly recipients: readonly string[];
}

export interface CampaignWorkDue {
  /** The phase change due at `now`, if any (a campaign is in one phase: at most one). */
  readonly phaseChanges: readonly CampaignClockCommand[];
  /** The reminders due at `now`, earliest first. */
  readonly reminders: readonly DueCampaignReminder[];
}

/**
 * What falls due on the campaign at `now`, to the millisecond: it opens at its opening; it closes
 * its submissions at the deadline; the screening starts as soon as they are closed; the
 * consultations start at their date. And the campaign-wide reminders whose time has come.
 */
export function campaignWorkDue(campaign: Campaign, now: Date): CampaignWorkDue {
  return {
    phaseChanges: phaseChangeDue(campaign, now),
    reminders: pendingCampaignReminders(campaign, now)
      .filter((reminder) => hasReached(now, reminder.dueAt))
      .map((reminder) => ({ reminder, recipients: reminderRecipients(campaign, reminder) })),
  };
}

/** The instant the current phase ends by itself, if it does. */
export function nextPhaseInstant(campaign: Campaign): Instant | undefined {
  switch (campaign.phase) {
    case 'SCHEDULED':
      return campaign.calendar.opensAt;
    case 'OPEN':
      return campaign.calendar.submissionDeadline;
    case 'SCREENING':
      return campaign.calendar.consultationsStartAt;
    default:
      return undefined;
  }
}

/**
 * The next instant after `now` at which something falls due on the campaign by itself — the end
 * of its phase, a reminder — or none: then only a command moves it on.
 */
export function nextCampaignWakeUp(campaign: Campaign, now: Date): Instant | undefined {
  const instants = pendingCampaignReminders(campaign, now).map((reminder) => reminder.dueAt);
  const phaseEnd = nextPhaseInstant(campaign);
  if (phaseEnd) instants.push(phaseEnd);
  return earliestAfter(instants, now);
}

function phaseChangeDue(campaign: Campaign, now: Date): CampaignClockCommand[] {
  const { calendar } = campaign;
  switch (campaign.phase) {
    case 'SCHEDULED':
      return hasReached(now, calendar.opensAt) ? [{ type: 'OpenCampaign' }] : [];
    case 'OPEN':
      return hasReached(now, calendar.submissionDeadline) ? [{ type: 'CloseSubmissions' }] : [];
    case 'SUBMISSIONS_CLOSED':
      return [{ type: 'StartScreening' }];
    case 'SCREENING':
      return hasReached(now, calendar.consultationsStartAt) ? [{ type: 'StartConsultations' }] : [];
    default:
      return [];
  }
}

function reminderRecipients(campaign: Campaign, reminder: DueReminder): string[] {
  switch (reminder.kind) {
    case 'MEETING_REMINDER':
      return confirmedRegistrations(campaign).map((r) => r.organisationId);
    case 'OPERATOR_DIGEST':
      return ['audience:operators'];
    default:
      return ['audience:directory-eligible'];
  }
}
