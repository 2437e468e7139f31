import { ReminderActivities, ReminderDelivery } from '@amiflow/contracts';
import {
  assessEligibility,
  Campaign,
  Dossier,
  campaignReminderRelevance,
  dossierReminderRelevance,
  notApplicable,
  ReminderRelevance,
  reminderScope,
  toLocalDateTime,
} from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  OrganisationDirectory,
  ReminderLedger,
} from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';
import { deliverOnce } from '../mail/deliver-once';
import { Mailer } from '../mail/mailer';
import { currentMeetingInvitation } from '../calendar/meeting-invitation';
import { DIGEST_STATES, digestItems } from './operator-digest';
import { organisationName } from '../mail/organisation-name';
import { renderReminder } from './reminder-mails';
import { reportProgress } from '../mail/report-progress';

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
 * Sends each issued reminder by e-mail, once per recipient (see `deliverOnce`), if it still
 * concerns that recipient at the moment it goes out: the dossier or campaign is read again from
 * the read models (written with its events) right before each SMTP conversation, and a reminder
 * that no longer applies (a deadline reminder to a dossier submitted meanwhile, a meeting reminder
 * to a registration cancelled meanwhile, a reminder of something already started) is recorded
 * DROPPED instead. A retry after a crash between the SMTP server's acceptance and the ledger write
 * sends one more copy with the same Message-ID (mail clients show it once); every other retry
 * sends nothing again. A recipient without an address is recorded without a mail.
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
      const digest =
        delivery.kind === 'OPERATOR_DIGEST' ? await digestOf(campaign, deps) : undefined;
      let sent = 0;
      for (const addressee of await addresseesOf(delivery, campaign, deps, dossier)) {
        sent += await deliverOnce({
          ledger: deps.ledger,
          mailer: deps.mailer,
          delivery,
          recipient: addressee.recipient,
          address: addressee.address,
          stillConcerns: () => relevanceNow(delivery, addressee.recipient, deps),
          compose: () => ({
            ...renderReminder({
              kind: delivery.kind,
              occurrence: delivery.occurrence,
              campaign,
              dossier,
              recipientName: addressee.name,
              digest,
            }),
            attachments:
              delivery.kind === 'MEETING_REMINDER' && addressee.address
                ? currentMeetingInvitation(campaign, addressee.address, deps.from)
                : [],
          }),
        });
        reportProgress(addressee.recipient);
      }
      return sent;
    },
  };
}

/** Whether the reminder concerns this recipient now, on the state as stored at this instant. */
async function relevanceNow(
  delivery: ReminderDelivery,
  recipient: string,
  deps: ReminderActivityDependencies,
): Promise<ReminderRelevance> {
  const now = new Date();
  if (reminderScope(delivery.kind) === 'dossier') {
    const dossier = delivery.organisationId
      ? await deps.dossiers.state(delivery.campaignId, delivery.organisationId)
      : null;
    if (!dossier) return notApplicable(`no dossier ${delivery.organisationId ?? ''}`);
    return dossierReminderRelevance(dossier, delivery, now);
  }
  const campaign = await deps.campaigns.state(delivery.campaignId);
  if (!campaign) return notApplicable(`no campaign ${delivery.campaignId}`);
  return campaignReminderRelevance(campaign, delivery, recipient, now);
}

/** Organisation ids by their directory entry; audiences expanded. */
async function addresseesOf(
  delivery: ReminderDelivery,
  campaign: Campaign,
  deps: ReminderActivityDependencies,
  dossier?: Dossier,
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
      name: organisationName(
        organisationId,
        contact?.name,
        dossier?.organisationId === organisationId ? dossier.organisationName : undefined,
      ),
      address: contact?.email ?? null,
    });
  }
  return addressees;
}

async function digestOf(campaign: Campaign, deps: ReminderActivityDependencies) {
  const zone = campaign.definition.timeZone;
  const now = new Date();
  const today = toLocalDateTime(now, zone).slice(0, 10);
  return digestItems(
    await deps.dossiers.statesIn(campaign.campaignId, DIGEST_STATES),
    now,
    (instant) => toLocalDateTime(new Date(instant), zone).startsWith(today),
    (await deps.ledger.failures(campaign.campaignId)).length,
  );
}
