import { CampaignCalendar } from './campaign-definition';
import { CampaignEvent } from './campaign.events';

/**
 * What a campaign tells each of its dossiers (by signal, through the fan-out): its dates and its
 * evaluation grid, which the dossiers hold a copy of, when they change; the close of submissions,
 * a cancellation, the end. A changed grid is told without the grid: each dossier reads the one in
 * force when the signal's turn comes, so that a late signal never brings back an older grid.
 */
export type CampaignAnnouncement =
  | {
      readonly kind: 'calendarChanged';
      readonly calendar: Pick<CampaignCalendar, 'submissionDeadline' | 'consultationsStartAt'>;
    }
  | { readonly kind: 'evaluationGridChanged' }
  | { readonly kind: 'submissionsClosed' }
  | { readonly kind: 'campaignCancelled'; readonly cancellation: { readonly reason: string } }
  | { readonly kind: 'campaignClosed' };

/** The announcement an event of the campaign makes to its dossiers, if it makes one. */
export function campaignAnnouncementOf(event: CampaignEvent): CampaignAnnouncement | undefined {
  switch (event.type) {
    case 'CampaignCalendarChanged': {
      const { submissionDeadline, consultationsStartAt } = event.data.calendar;
      return { kind: 'calendarChanged', calendar: { submissionDeadline, consultationsStartAt } };
    }
    case 'EvaluationGridChanged':
      return { kind: 'evaluationGridChanged' };
    case 'CampaignSubmissionsClosed':
      return { kind: 'submissionsClosed' };
    case 'CampaignCancelled':
      return { kind: 'campaignCancelled', cancellation: { reason: event.data.reason } };
    case 'CampaignClosed':
      return { kind: 'campaignClosed' };
    default:
      return undefined;
  }
}
