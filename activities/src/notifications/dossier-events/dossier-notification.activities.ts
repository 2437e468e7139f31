import { DossierEventNotice, DossierNotificationActivities } from '@amiflow/contracts';
import { Campaign } from '@amiflow/domain';
import { ApplicationFailure } from '@temporalio/common';
import { calendarInvitation } from '../calendar/calendar-invitation';
import { deliverOnce } from '../mail/deliver-once';
import {
  isNotifiedDossierEvent,
  NotifiedDossierEvent,
  renderDossierEvent,
} from './dossier-event-mails';
import { Attachment, organiserAddress } from '../mail/mailer';
import { organisationName } from '../mail/organisation-name';
import { ReminderActivityDependencies } from '../reminders/reminder.activities';

export type DossierNotificationDependencies = Omit<
  ReminderActivityDependencies,
  'operatorsAddress'
>;

/**
 * Tells an organisation what happened to its dossier (submission received, eligibility, a
 * clarification asked, the screening's result, a consultation fixed, moved or called off with
 * its calendar invitation, expiry, cancellation). Keyed by the event id in the ledger, with the
 * same check-send-record order as reminders.
 */
export function createDossierNotificationActivities(
  deps: DossierNotificationDependencies,
): DossierNotificationActivities {
  return {
    async notifyDossierEvent(notice: DossierEventNotice) {
      const event = { type: notice.type, data: notice.data };
      if (!isNotifiedDossierEvent(event)) return 0;
      const [campaign, dossier, [contact]] = await Promise.all([
        deps.campaigns.state(notice.campaignId),
        deps.dossiers.state(notice.campaignId, notice.organisationId),
        deps.directory.contacts([notice.organisationId]),
      ]);
      if (!campaign || !dossier) {
        throw ApplicationFailure.create({
          type: 'DOSSIER_NOT_FOUND',
          message: `No summary for dossier ${notice.campaignId}/${notice.organisationId}`,
        });
      }
      const mail = renderDossierEvent(
        event,
        campaign,
        dossier,
        organisationName(notice.organisationId, contact?.name, dossier.organisationName),
      );
      if (!mail) return 0;
      const delivery = {
        campaignId: notice.campaignId,
        organisationId: notice.organisationId,
        ruleId: `event:${notice.type}`,
        kind: notice.type,
        occurrence: notice.eventId,
        dueAt: new Date().toISOString(),
        correlationId: notice.correlationId,
      };
      const address = contact?.email ?? null;
      return deliverOnce({
        ledger: deps.ledger,
        mailer: deps.mailer,
        delivery,
        recipient: notice.organisationId,
        address,
        compose: () => ({
          ...mail,
          attachments: address
            ? calendarAttachments(event, notice, campaign, mail.text, address, deps.from)
            : [],
        }),
      });
    },
  };
}

/** A consultation fixed or moved comes with its invitation; a cancelled one with its cancellation. */
function calendarAttachments(
  event: NotifiedDossierEvent,
  { campaignId, organisationId }: DossierEventNotice,
  campaign: Campaign,
  description: string,
  attendee: string,
  from: string,
): Attachment[] {
  if (event.type !== 'ConsultationScheduled' && event.type !== 'ConsultationCancelled') return [];
  const cancelled = event.type === 'ConsultationCancelled';
  const fixed = event.data;
  return [
    {
      filename: cancelled ? 'annulation.ics' : 'consultation.ics',
      method: cancelled ? 'CANCEL' : 'REQUEST',
      content: calendarInvitation({
        // Consultations at the same hour in two rooms share their id: the dossier tells them apart.
        uid: `${event.data.consultationId}.${organisationId}.${campaignId}@amiflow`,
        // Each version replaces the one before; a cancellation comes after the version it ends, and
        // fixing the same id again after it comes after the cancellation (counted by the decider).
        sequence: event.data.sequence ?? event.data.revision - 1 + (cancelled ? 1 : 0),
        startsAt: fixed.startsAt,
        endsAt: fixed.endsAt,
        timeZone: campaign.definition.timeZone,
        summary: `Consultation — ${campaign.definition.title}`,
        location: fixed.place,
        description,
        organizer: organiserAddress(from),
        attendee,
        method: cancelled ? 'CANCEL' : 'REQUEST',
        issuedAt: new Date().toISOString(),
      }),
    },
  ];
}
