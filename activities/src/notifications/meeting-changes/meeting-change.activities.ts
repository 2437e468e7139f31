import { MeetingChangeActivities, MeetingChangeNotice } from '@amiflow/contracts';
import { Campaign, MeetingChange, reminderDueAt, reminderKey } from '@amiflow/domain';
import { LedgerDelivery } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';
import { deliverOnce } from '../mail/deliver-once';
import { renderMeetingChange } from './meeting-change-mails';
import {
  currentMeetingInvitation,
  meetingInvitation,
  MeetingVersion,
} from '../calendar/meeting-invitation';
import { organisationName } from '../mail/organisation-name';
import { renderReminder } from '../reminders/reminder-mails';
import { ReminderActivityDependencies } from '../reminders/reminder.activities';
import { reportProgress } from '../mail/report-progress';

export type MeetingChangeDependencies = Pick<
  ReminderActivityDependencies,
  'ledger' | 'mailer' | 'directory' | 'campaigns' | 'from'
>;

/**
 * Tells each organisation registered for the information meeting that it moved or is called off:
 * the confirmed ones with the updated calendar entry or its cancellation, those on the waiting
 * list by the mail alone (they hold no seat to put in a calendar). Tells an organisation moved up
 * from the waiting list that its seat is confirmed, with the meeting's calendar entry as it
 * stands, and sends it the meeting reminders the others already received if the meeting is still
 * to come. Keyed in the ledger by campaign, change and organisation (a caught-up reminder under
 * the reminder's own key), with the check-send-record order of every notification: a retried
 * activity sends nothing twice, and an organisation without address is recorded NO_ADDRESS.
 */
export function createMeetingChangeActivities(
  deps: MeetingChangeDependencies,
): MeetingChangeActivities {
  return {
    async notifyMeetingChange(notice: MeetingChangeNotice) {
      const { campaignId, change } = notice;
      const campaign = await deps.campaigns.state(campaignId);
      if (!campaign) {
        throw ApplicationFailure.create({
          type: 'CAMPAIGN_NOT_FOUND',
          message: `Campaign ${campaignId} has no summary`,
        });
      }
      // The read model as it stands now: someone who cancelled meanwhile hears nothing more.
      const registrants = (await deps.campaigns.registrations(campaignId)).filter(
        (registration) =>
          change.kind !== 'PROMOTED' ||
          (registration.organisationId === change.organisationId &&
            registration.status === 'CONFIRMED'),
      );
      const contacts = await deps.directory.contacts(registrants.map((r) => r.organisationId));
      const byId = new Map(contacts.map((c) => [c.organisationId, c]));
      const delivery = deliveryOf(notice);
      let sent = 0;
      for (const registrant of registrants) {
        const contact = byId.get(registrant.organisationId);
        const address = contact?.email ?? null;
        sent += await deliverOnce({
          ledger: deps.ledger,
          mailer: deps.mailer,
          delivery,
          recipient: registrant.organisationId,
          address,
          compose: () => ({
            ...renderMeetingChange(
              change,
              campaign,
              organisationName(
                registrant.organisationId,
                contact?.name,
                registrant.organisationName,
              ),
              registrant.status === 'WAITLISTED' ? 'WAITLISTED' : 'CONFIRMED',
            ),
            attachments:
              address && registrant.status === 'CONFIRMED'
                ? invitationOf(change, campaign, address, deps.from)
                : [],
          }),
        });
        if (change.kind === 'PROMOTED') {
          sent += await catchUpMeetingReminders(deps, notice, campaign, {
            organisationId: registrant.organisationId,
            name: organisationName(
              registrant.organisationId,
              contact?.name,
              registrant.organisationName,
            ),
            address,
          });
        }
        reportProgress(registrant.organisationId);
      }
      return sent;
    },
  };
}

/**
 * The meeting reminders already issued, sent to an organisation promoted after them, while the
 * meeting is still to come: under each reminder's own ledger key, so that it never gets one twice.
 */
async function catchUpMeetingReminders(
  deps: MeetingChangeDependencies,
  { campaignId, correlationId }: MeetingChangeNotice,
  campaign: Campaign,
  recipient: { organisationId: string; name: string; address: string | null },
): Promise<number> {
  const startsAt = campaign.calendar.meetingStartsAt;
  if (!startsAt || Date.now() >= Date.parse(startsAt)) return 0;
  const issued = campaign.definition.reminders.filter(
    (rule) =>
      rule.kind === 'MEETING_REMINDER' &&
      campaign.issuedReminders.includes(reminderKey({ ruleId: rule.id, occurrence: 'meeting' })),
  );
  let sent = 0;
  for (const rule of issued) {
    const dueAt = reminderDueAt(rule, new Date(startsAt), campaign.definition.timeZone);
    sent += await deliverOnce({
      ledger: deps.ledger,
      mailer: deps.mailer,
      // The key the campaign's own delivery of this reminder uses (see `deliverReminder`).
      delivery: {
        campaignId,
        ruleId: rule.id,
        kind: 'MEETING_REMINDER',
        occurrence: 'meeting',
        dueAt: dueAt.toISOString(),
        correlationId,
      },
      recipient: recipient.organisationId,
      address: recipient.address,
      compose: () => ({
        ...renderReminder({
          kind: 'MEETING_REMINDER',
          occurrence: 'meeting',
          campaign,
          recipientName: recipient.name,
        }),
        attachments: recipient.address
          ? currentMeetingInvitation(campaign, recipient.address, deps.from)
          : [],
      }),
    });
  }
  return sent;
}

/** One ledger entry per change of the meeting (its SEQUENCE, or the promotion) and organisation. */
function deliveryOf({ campaignId, change, correlationId }: MeetingChangeNotice): LedgerDelivery {
  const { ruleId, kind, occurrence } = ledgerEntryOf(change);
  return { campaignId, ruleId, kind, occurrence, dueAt: change.at, correlationId };
}

function ledgerEntryOf(change: MeetingChange): {
  ruleId: string;
  kind: string;
  occurrence: string;
} {
  switch (change.kind) {
    case 'MOVED':
      return {
        ruleId: 'meeting:moved',
        kind: 'MEETING_MOVED',
        occurrence: `sequence-${change.sequence}`,
      };
    case 'CANCELLED':
      return {
        ruleId: 'meeting:cancelled',
        kind: 'MEETING_CANCELLED',
        occurrence: `sequence-${change.sequence}`,
      };
    case 'PROMOTED':
      // An organisation may cancel, register again and be promoted again: each is news.
      return { ruleId: 'meeting:promoted', kind: 'MEETING_PROMOTED', occurrence: change.at };
  }
}

/**
 * The calendar entry that goes with the change: the move's version, the cancellation, or for a
 * promotion the meeting as it stands when the mail leaves (never older than a move's update).
 */
function invitationOf(change: MeetingChange, campaign: Campaign, address: string, from: string) {
  switch (change.kind) {
    case 'MOVED':
      return meetingInvitation(campaign, versionOf(change), address, from);
    case 'CANCELLED':
      return meetingInvitation(campaign, versionOf(change), address, from);
    case 'PROMOTED':
      return currentMeetingInvitation(campaign, address, from);
  }
}

function versionOf(change: Exclude<MeetingChange, { kind: 'PROMOTED' }>): MeetingVersion {
  return change.kind === 'MOVED'
    ? { times: change.current, sequence: change.sequence, method: 'REQUEST' }
    : { times: change.meeting, sequence: change.sequence, method: 'CANCEL' };
}
