import { demoRunCampaignId } from './demo-run';

const ID = 'ami-sante-ia-2019';

describe('demoRunCampaignId', () => {
  it('plays under the configured id on an empty database', () => {
    expect(demoRunCampaignId(ID, [])).toBe(ID);
  });

  it('plays the next run when the database holds only earlier demo runs', () => {
    expect(demoRunCampaignId(ID, [ID])).toBe(`${ID}-2`);
    expect(demoRunCampaignId(ID, [ID, `${ID}-2`])).toBe(`${ID}-3`);
    expect(demoRunCampaignId(ID, [`${ID}-9`, ID, `${ID}-10`])).toBe(`${ID}-11`);
  });

  it('plays no demo beside any other campaign', () => {
    expect(demoRunCampaignId(ID, ['ami-numerique-2026'])).toBeUndefined();
    expect(demoRunCampaignId(ID, [ID, 'ami-numerique-2026'])).toBeUndefined();
    // Same prefix, not a run number: another campaign.
    expect(demoRunCampaignId(ID, [`${ID}-bis`])).toBeUndefined();
    expect(demoRunCampaignId(ID, [`${ID}-02`])).toBeUndefined();
  });
});
