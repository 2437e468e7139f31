import { CampaignCalendar } from './campaign-definition';
import { CampaignEvent } from './campaign.events';

/**
 * What a campaign tells each of its dossiers (by signal, through the fan-out): its dates the
 * dossiers hold a copy of when they move, the close of submissions, a cancellation, the end.
 */
export type CampaignAnnouncement =
  | {
      readonly kind: 'calendarChanged';
      readonly calendar: Pick<CampaignCalendar, 'submissionDeadline' | 'consultationsStartAt'>;
    }
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
