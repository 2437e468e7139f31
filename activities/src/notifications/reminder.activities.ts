import { createHash } from 'node:crypto';
import { ReminderActivities, ReminderDelivery } from '@amiflow/contracts';
import { assessEligibility, Campaign } from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  OrganisationDirectory,
  ReminderLedger,
} from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';
import { calendarInvitation } from './calendar-invitation';
import { Attachment, Mailer, organiserAddress } from './mailer';
import { renderReminder } from './reminder-mails';

interface Addressee {
  readonly recipient: string;
  readonly name: string;
  readonly address: string | null;
}

export interface ReminderActivityDependencies {
  readonly ledger: ReminderLedger;
  readonly mailer: Mailer;
  readonly directory: OrganisationDirectory;
  readonly campaigns: CampaignSummaryQuery;
  readonly dossiers: DossierSummaryQuery;
  readonly operatorsAddress: string;
  /** The sender, as the organiser of calendar invitations. */
  readonly from: string;
}

/**
 * Sends each issued reminder by e-mail, once per recipient. The ledger is checked before and
 * written after each send; the Message-ID is derived from the delivery key. A retry after a crash
 * between the SMTP server's acceptance and the ledger write sends one more copy with the same
 * Message-ID (mail clients show it once); every other retry sends nothing again. A recipient
 * without an address is recorded without a mail, for operators to see.
 */
export function createReminderActivities(deps: ReminderActivityDependencies): ReminderActivities {
  return {
    async deliverReminder(delivery) {
      const campaign = await deps.campaigns.state(delivery.campaignId);
      if (!campaign) {
        throw ApplicationFailure.create({
          type: 'CAMPAIGN_NOT_FOUND',
          message: `Campaign ${delivery.campaignId} has no summary`,
        });
      }
      const dossier = delivery.organisationId
        ? ((await deps.dossiers.state(delivery.campaignId, delivery.organisationId)) ?? undefined)
        : undefined;
      let sent = 0;
      for (const addressee of await addresseesOf(delivery, campaign, deps)) {
        const key = deps.ledger.key(delivery, addressee.recipient);
        if (await deps.ledger.isRecorded(key)) continue;
        const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@amiflow>`;
        if (addressee.address) {
          const mail = renderReminder({
            kind: delivery.kind,
            occurrence: delivery.occurrence,
            campaign,
            dossier,
            recipientName: addressee.name,
          });
          const attachments =
            delivery.kind === 'MEETING_REMINDER'
              ? meetingInvitation(campaign, addressee.address, deps.from)
              : [];
          await deps.mailer.send({ ...mail, to: addressee.address, messageId, attachments });
          sent++;
        }
        await deps.ledger.record(delivery, addressee.recipient, {
          address: addressee.address,
          messageId: addressee.address ? messageId : null,
        });
      }
      return sent;
    },
  };
}

/** Organisation ids by their directory entry; audiences expanded. */
async function addresseesOf(
  delivery: ReminderDelivery,
  campaign: Campaign,
  deps: ReminderActivityDependencies,
): Promise<Addressee[]> {
  const addressees: Addressee[] = [];
  const organisationIds: string[] = [];
  for (const recipient of delivery.recipients) {
    if (recipient === 'audience:operators') {
      addressees.push({
        recipient: 'operators',
        name: 'les instructeurs',
        address: deps.operatorsAddress,
      });
    } else if (recipient === 'audience:directory-eligible') {
      for (const entry of await deps.directory.all()) {
        if (
          assessEligibility(campaign.definition.eligibility, entry.profile).decision === 'ELIGIBLE'
        ) {
          addressees.push({
            recipient: entry.organisationId,
            name: entry.name,
            address: entry.email,
          });
        }
      }
    } else {
      organisationIds.push(recipient);
    }
  }
  const contacts = new Map(
    (await deps.directory.contacts(organisationIds)).map((c) => [c.organisationId, c]),
  );
  for (const organisationId of organisationIds) {
    const contact = contacts.get(organisationId);
    addressees.push({
      recipient: organisationId,
      name: contact?.name ?? organisationId,
      address: contact?.email ?? null,
    });
  }
  return addressees;
}

/** The information meeting as a calendar invitation, in the campaign's zone. */
function meetingInvitation(campaign: Campaign, attendee: string, from: string): Attachment[] {
  const { meetingStartsAt, meetingEndsAt } = campaign.calendar;
  const meeting = campaign.definition.meeting;
  if (!meeting || !meetingStartsAt || !meetingEndsAt) return [];
  return [
    {
      filename: 'reunion.ics',
      method: 'REQUEST',
      content: calendarInvitation({
        uid: `meeting-${campaign.campaignId}@amiflow`,
        sequence: 0,
        startsAt: meetingStartsAt,
        endsAt: meetingEndsAt,
        timeZone: campaign.definition.timeZone,
        summary: `Réunion d'information — ${campaign.definition.title}`,
        location: meeting.place,
        description: "Réunion d'information sur l'appel à manifestation d'intérêt.",
        organizer: organiserAddress(from),
        attendee,
        method: 'REQUEST',
        issuedAt: new Date().toISOString(),
      }),
    },
  ];
}
