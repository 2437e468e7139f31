import { EligibilityActivities } from '@amiflow/contracts';
import { assessEligibility } from '@amiflow/domain';
import { CampaignSummaryQuery } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Applies the campaign's eligibility policy to the organisation as its dossier declares it. The
 * facts a condition needs (does the profession have a CNP? does the federation federate CNPs?)
 * are not declared: such dossiers go to an operator (NEEDS_REVIEW) until the directory of
 * organisations answers them.
 */
export function createEligibilityActivities(
  campaigns: CampaignSummaryQuery,
): EligibilityActivities {
  return {
    async checkEligibility(input) {
      const campaign = await campaigns.state(input.campaignId);
      if (!campaign) {
        throw ApplicationFailure.create({
          type: 'CAMPAIGN_NOT_FOUND',
          message: `Campaign ${input.campaignId} has no summary`,
        });
      }
      return assessEligibility(campaign.definition.eligibility, {
        type: input.organisationType,
        profession: input.profession ?? undefined,
      });
    },
  };
}
