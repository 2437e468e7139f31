import { ConfigError } from '@amiflow/config';
import { DEFAULT_DEMO_CAMPAIGN_ID, DEFAULT_DEMO_SPEED, loadDemoConfig } from './demo-config';

describe('loadDemoConfig', () => {
  it('runs the reference campaign at the default speed when nothing is set', () => {
    expect(loadDemoConfig({})).toEqual({
      enabled: true,
      speed: DEFAULT_DEMO_SPEED,
      campaignId: DEFAULT_DEMO_CAMPAIGN_ID,
    });
  });

  it('reads DEMO, DEMO_SPEED and DEMO_CAMPAIGN_ID', () => {
    expect(
      loadDemoConfig({ DEMO: 'off', DEMO_SPEED: ' 100000 ', DEMO_CAMPAIGN_ID: 'demo-1' }),
    ).toEqual({ enabled: false, speed: 100_000, campaignId: 'demo-1' });
  });

  it.each([
    ['DEMO', 'no'],
    ['DEMO_SPEED', 'fast'],
    ['DEMO_SPEED', '999'],
    ['DEMO_SPEED', '200001'],
    ['DEMO_CAMPAIGN_ID', 'Démo 2019'],
  ])('stops on %s=%s, naming the variable', (name, value) => {
    expect(() => loadDemoConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadDemoConfig({ [name]: value })).toThrow(name);
  });
});
