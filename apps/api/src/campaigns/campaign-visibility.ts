import { CampaignPhase, refusals } from '@amiflow/domain';
import { Principal } from '../auth/principal';

/** Phases an organisation never sees a campaign in: a draft is not announced yet. */
export const HIDDEN_FROM_ORGANISATIONS: readonly CampaignPhase[] = ['DRAFT'];

export function isVisibleTo(principal: Principal, phase: string): boolean {
  return (
    principal.role !== 'organisation' ||
    !(HIDDEN_FROM_ORGANISATIONS as readonly string[]).includes(phase)
  );
}

export const campaignNotFound = refusals.campaignNotFound;
