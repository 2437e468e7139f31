import { createHash } from 'node:crypto';
import { DossierEventNotice, DossierNotificationActivities } from '@amiflow/contracts';
import { ApplicationFailure } from '@temporalio/common';
import { calendarInvitation } from './calendar-invitation';
import { isNotifiedDossierEvent, renderDossierEvent } from './dossier-event-mails';
import { Attachment, organiserAddress } from './mailer';
import { ReminderActivityDependencies } from './reminder.activities';

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
      const mail = renderDossierEvent(event, campaign, dossier);
      if (!mail) return 0;
      const delivery = {
        campaignId: notice.campaignId,
        organisationId: notice.organisationId,
        ruleId: `event:${notice.type}`,
        kind: notice.type,
        occurrence: notice.eventId,
        dueAt: new Date().toISOString(),
        recipients: [notice.organisationId],
        correlationId: notice.correlationId,
      };
      const key = deps.ledger.key(delivery, notice.organisationId);
      if (await deps.ledger.isRecorded(key)) return 0;
      const address = contact?.email ?? null;
      const messageId = `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@amiflow>`;
      if (address) {
        const attachments: Attachment[] = [];
        if (event.type === 'ConsultationScheduled' || event.type === 'ConsultationCancelled') {
          const scheduled = dossier.consultation;
          const cancelled = event.type === 'ConsultationCancelled';
          const at = cancelled ? undefined : event.data;
          const startsAt = at?.startsAt ?? scheduled?.startsAt;
          const endsAt = at?.endsAt ?? scheduled?.endsAt;
          if (startsAt && endsAt) {
            attachments.push({
              filename: cancelled ? 'annulation.ics' : 'consultation.ics',
              method: cancelled ? 'CANCEL' : 'REQUEST',
              content: calendarInvitation({
                uid: `${event.data.consultationId}@amiflow`,
                // Each version replaces the one before; a cancellation comes after its version.
                sequence: event.data.revision - 1 + (cancelled ? 1 : 0),
                startsAt,
                endsAt,
                timeZone: campaign.definition.timeZone,
                summary: `Consultation — ${campaign.definition.title}`,
                location: at?.place ?? scheduled?.place ?? '',
                description: mail.text,
                organizer: organiserAddress(deps.from),
                attendee: address,
                method: cancelled ? 'CANCEL' : 'REQUEST',
                issuedAt: new Date().toISOString(),
              }),
            });
          }
        }
        await deps.mailer.send({ ...mail, to: address, messageId, attachments });
      }
      await deps.ledger.record(delivery, notice.organisationId, {
        address,
        messageId: address ? messageId : null,
      });
      return address ? 1 : 0;
    },
  };
}
