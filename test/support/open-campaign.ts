import { openCampaignDefinition } from '@amiflow/domain/testing';
import { ApiClient } from './api-client';
import { LifecycleHarness } from './lifecycle-harness';

/**
 * A campaign open now, through its real workflow, with a draft dossier per organisation created
 * over HTTP by an operator: what the API tests act upon.
 */
export async function openCampaignWithDrafts(
  harness: LifecycleHarness,
  operator: ApiClient,
  campaignId: string,
  organisationIds: readonly string[],
): Promise<void> {
  await harness.openCampaign(campaignId, openCampaignDefinition(new Date()));
  for (const organisationId of organisationIds) {
    const response = await operator.call('POST', `/campaigns/${campaignId}/dossiers`, {
      organisationId,
      organisationName: `CNP ${organisationId}`,
      organisationType: 'CNP',
    });
    if (response.status !== 201) {
      throw new Error(
        `Draft for ${organisationId}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
  }
}
