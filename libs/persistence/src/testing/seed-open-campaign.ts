import { CampaignDefinition, CampaignState } from '@amiflow/domain';
import { testActors } from '@amiflow/domain/testing';
import { EventStore } from '../event-store/event-store';
import { CampaignTestStream, campaignStream } from './test-stream';

const { admin } = testActors;

/**
 * Creates, publishes and opens a campaign through its decider, as its workflow will, and stores
 * the events: for tests that need an open campaign before the campaign workflow exists.
 */
export async function seedOpenCampaign(
  store: EventStore,
  campaignId: string,
  definition: CampaignDefinition,
  now = new Date(),
): Promise<CampaignState> {
  const campaign = campaignStream(store, campaignId);
  await openCampaignOn(campaign, campaignId, definition, now);
  return campaign.state;
}

/**
 * The same on a stream the test keeps, to move the campaign on afterwards (a calendar change, a
 * meeting registration…): created and published by the test administrator, opened by the system.
 */
export async function openCampaignOn(
  campaign: CampaignTestStream,
  campaignId: string,
  definition: CampaignDefinition,
  now = new Date(),
): Promise<void> {
  await campaign.run({ type: 'CreateCampaign', campaignId, definition, actor: admin }, now, admin);
  await campaign.run({ type: 'PublishCampaign', actor: admin }, now, admin);
  await campaign.run({ type: 'OpenCampaign' }, now);
}
