import { openCampaignDefinition } from '@amiflow/domain/testing';
import { ApiClient } from './api-client';
import { admin, LifecycleHarness } from './lifecycle-harness';
import { eventually } from './eventually';

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
  const definition = openCampaignDefinition(new Date());
  await harness.campaign(campaignId, {
    type: 'CreateCampaign',
    campaignId,
    definition,
    actor: admin,
  });
  await harness.campaign(campaignId, { type: 'PublishCampaign', actor: admin });
  await eventually('the campaign to open', async () =>
    (await harness.campaignPhase(campaignId)) === 'OPEN' ? true : undefined,
  );
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
