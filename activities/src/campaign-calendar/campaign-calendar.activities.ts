import { CampaignCalendarActivities, EvaluationGridActivities } from '@amiflow/contracts';
import { CampaignSummaryQuery } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Reads the campaign's calendar in force from its read model, which is written in the same
 * transaction as the campaign's events: once an administrator's change is acknowledged, this
 * answers with it, whether or not the campaign's signal has reached the dossier yet.
 */
export function createCampaignCalendarActivities(
  campaigns: CampaignSummaryQuery,
): CampaignCalendarActivities & EvaluationGridActivities {
  const campaignOf = async (campaignId: string) => {
    const campaign = await campaigns.state(campaignId);
    if (!campaign) {
      throw ApplicationFailure.create({
        type: 'CAMPAIGN_NOT_FOUND',
        message: `Campaign ${campaignId} has no summary`,
      });
    }
    return campaign;
  };
  return {
    async currentCampaignCalendar({ campaignId }) {
      const { submissionDeadline, consultationsStartAt } = (await campaignOf(campaignId)).calendar;
      return { submissionDeadline, consultationsStartAt };
    },
    /** The same read, for the grid the dossiers hold a copy of too. */
    async currentEvaluationGrid({ campaignId }) {
      return (await campaignOf(campaignId)).definition.evaluationGrid ?? null;
    },
  };
}
