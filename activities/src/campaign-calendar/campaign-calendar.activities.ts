import { CampaignCalendarActivities } from '@amiflow/contracts';
import { CampaignSummaryQuery } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Reads the campaign's calendar in force from its read model, which is written in the same
 * transaction as the campaign's events: once an administrator's change is acknowledged, this
 * answers with it, whether or not the campaign's signal has reached the dossier yet.
 */
export function createCampaignCalendarActivities(
  campaigns: CampaignSummaryQuery,
): CampaignCalendarActivities {
  return {
    async currentCampaignCalendar({ campaignId }) {
      const campaign = await campaigns.state(campaignId);
      if (!campaign) {
        throw ApplicationFailure.create({
          type: 'CAMPAIGN_NOT_FOUND',
          message: `Campaign ${campaignId} has no summary`,
        });
      }
      const { submissionDeadline, consultationsStartAt } = campaign.calendar;
      return { submissionDeadline, consultationsStartAt };
    },
  };
}
