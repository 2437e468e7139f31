import { EligibilityActivities } from '@amiflow/contracts';
import { assessEligibility } from '@amiflow/domain';
import { CampaignSummaryQuery, OrganisationDirectory } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Applies the campaign's eligibility policy to what the directory says of the organisation. One
 * missing from the directory, or whose condition the directory cannot settle, goes to an
 * operator (NEEDS_REVIEW): never accepted or refused silently.
 */
export function createEligibilityActivities(
  campaigns: CampaignSummaryQuery,
  directory: OrganisationDirectory,
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
      const profile = await directory.profile(input.organisationId);
      return assessEligibility(campaign.definition.eligibility, profile);
    },
  };
}
