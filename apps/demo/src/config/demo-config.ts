import { ConfigError, Environment } from '@amiflow/config';
import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { MAX_DEMO_SPEED, MIN_DEMO_SPEED } from '../calendar/compress-campaign';

/** What the demo reads of its environment, once, at start-up. */
export interface DemoConfig {
  /** `DEMO=off` turns it off (the launcher then does not even start it). */
  readonly enabled: boolean;
  /** How many times faster than the 2019 calendar the campaign plays. */
  readonly speed: number;
  readonly campaignId: string;
}

/** Opening to consultations (53 days) in 3 min 49 s. */
export const DEFAULT_DEMO_SPEED = 20_000;
export const DEFAULT_DEMO_CAMPAIGN_ID = 'ami-sante-ia-2019';

export function loadDemoConfig(env: Environment): DemoConfig {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };

  const demo = value('DEMO') ?? 'on';
  if (demo !== 'on' && demo !== 'off') {
    throw new ConfigError('DEMO', `must be on or off (got "${demo}")`);
  }

  const speedText = value('DEMO_SPEED');
  const speed = speedText === undefined ? DEFAULT_DEMO_SPEED : Number(speedText);
  if (!Number.isFinite(speed) || speed < MIN_DEMO_SPEED || speed > MAX_DEMO_SPEED) {
    throw new ConfigError(
      'DEMO_SPEED',
      `must be a number from ${MIN_DEMO_SPEED} to ${MAX_DEMO_SPEED} (got "${speedText}")`,
    );
  }

  const campaignId = value('DEMO_CAMPAIGN_ID') ?? DEFAULT_DEMO_CAMPAIGN_ID;
  if (!BUSINESS_KEY_PATTERN.test(campaignId)) {
    throw new ConfigError(
      'DEMO_CAMPAIGN_ID',
      `must be lowercase letters, digits and inner dashes (got "${campaignId}")`,
    );
  }

  return { enabled: demo === 'on', speed, campaignId };
}
