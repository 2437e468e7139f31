import { ConsultationActivities, DossierUpdateRequest } from '@amiflow/contracts';
import { assignConsultations, consultationSlots } from '@amiflow/domain';
import { sendDossierCommand } from '@amiflow/lifecycle-client';
import { CampaignSummaryQuery, DossierSummaryQuery } from '@amiflow/persistence';
import { Context } from '@temporalio/activity';
import { Client } from '@temporalio/client';

/** How far ahead slots are looked for. */
const HORIZON_DAYS = 90;
const system = { id: 'amiflow', role: 'system' } as const;

/**
 * Plans the individual consultations of a campaign: the shortlisted dossiers without one, in
 * organisation order, each get the earliest slot of the campaign's settings that no consultation
 * already holds and that the organisation did not declare unavailable. Each assignment is a
 * ScheduleConsultation command to the dossier's workflow, which decides and records it; a retry
 * finds the ones already scheduled booked, and goes on with the others.
 */
export function createConsultationPlanningActivities(
  campaigns: CampaignSummaryQuery,
  dossiers: DossierSummaryQuery,
  client: Client,
): ConsultationActivities {
  return {
    async planConsultations({ campaignId, correlationId }) {
      const campaign = await campaigns.state(campaignId);
      const settings = campaign?.definition.consultations;
      if (!campaign || !settings) return { scheduled: 0, unplaced: [] };
      const candidates = await dossiers.statesIn(campaignId, [
        'SHORTLISTED',
        'CONSULTATION_SCHEDULED',
      ]);
      const booked = candidates.flatMap((dossier) =>
        dossier.status === 'CONSULTATION_SCHEDULED' && dossier.consultation
          ? [{ ...dossier.consultation, room: dossier.consultation.place }]
          : [],
      );
      const requests = candidates
        .filter((dossier) => dossier.status === 'SHORTLISTED')
        .map((dossier) => ({
          organisationId: dossier.organisationId,
          unavailable: dossier.unavailability,
        }));
      const from = new Date(
        Math.max(Date.now(), Date.parse(campaign.calendar.consultationsStartAt)),
      );
      const slots = consultationSlots(settings, campaign.definition.timeZone, from, HORIZON_DAYS);
      const { assignments, unassigned } = assignConsultations(requests, slots, booked);
      for (const assignment of assignments) {
        const request: DossierUpdateRequest = {
          command: {
            type: 'ScheduleConsultation',
            consultationId: `consultation-${assignment.startsAt.replace(/\D/g, '').slice(0, 12)}`,
            startsAt: assignment.startsAt,
            endsAt: assignment.endsAt,
            place: assignment.room,
            actor: system,
          },
          actor: system,
          correlationId,
        };
        await sendDossierCommand(client, campaignId, assignment.organisationId, request);
        Context.current().heartbeat(assignment.organisationId);
        // A cancellation arrives with a heartbeat's answer: schedule no further consultation.
        Context.current().cancellationSignal.throwIfAborted();
      }
      return { scheduled: assignments.length, unplaced: unassigned };
    },
  };
}
