import { MeetingChangeActivities, MeetingChangeNotice } from '@amiflow/contracts';
import { MeetingChange } from '@amiflow/domain';
import { LedgerDelivery } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';
import { deliverOnce } from './deliver-once';
import { renderMeetingChange } from './meeting-change-mails';
import { meetingInvitation, MeetingVersion } from './meeting-invitation';
import { organisationName } from './organisation-name';
import { ReminderActivityDependencies } from './reminder.activities';
import { reportProgress } from './report-progress';

export type MeetingChangeDependencies = Pick<
  ReminderActivityDependencies,
  'ledger' | 'mailer' | 'directory' | 'campaigns' | 'from'
>;

/**
 * Tells each organisation confirmed for the information meeting that it moved (with the updated
 * calendar entry) or is called off (with its cancellation). Keyed in the ledger by campaign,
 * change and organisation, with the check-send-record order of every notification: a retried
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
        (registration) => registration.status === 'CONFIRMED',
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
            ),
            attachments: address
              ? meetingInvitation(campaign, versionOf(change), address, deps.from)
              : [],
          }),
        });
        reportProgress(registrant.organisationId);
      }
      return sent;
    },
  };
}

/** One ledger entry per change of the meeting (its SEQUENCE) and organisation. */
function deliveryOf({ campaignId, change, correlationId }: MeetingChangeNotice): LedgerDelivery {
  const moved = change.kind === 'MOVED';
  return {
    campaignId,
    ruleId: moved ? 'meeting:moved' : 'meeting:cancelled',
    kind: moved ? 'MEETING_MOVED' : 'MEETING_CANCELLED',
    occurrence: `sequence-${change.sequence}`,
    dueAt: change.at,
    correlationId,
  };
}

function versionOf(change: MeetingChange): MeetingVersion {
  return change.kind === 'MOVED'
    ? { times: change.current, sequence: change.sequence, method: 'REQUEST' }
    : { times: change.meeting, sequence: change.sequence, method: 'CANCEL' };
}
