import { CampaignDefinition, CampaignState } from '@amiflow/domain';
import { EventStore } from '../event-store/event-store';
import { campaignStream } from './test-stream';

const admin = { id: 'test-admin', role: 'admin' } as const;

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
  await campaign.run({ type: 'CreateCampaign', campaignId, definition, actor: admin }, now, admin);
  await campaign.run({ type: 'PublishCampaign', actor: admin }, now, admin);
  await campaign.run({ type: 'OpenCampaign' }, now);
  return campaign.state;
}
