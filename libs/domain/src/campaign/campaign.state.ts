import { Instant } from '../time/instant';
import { CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { MeetingRegistrationStatus } from './campaign.events';

export const CAMPAIGN_PHASES = [
  'DRAFT',
  'SCHEDULED',
  'OPEN',
  'SUBMISSIONS_CLOSED',
  'SCREENING',
  'CONSULTATIONS',
  'CLOSED',
  'CANCELLED',
] as const;

export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export interface MeetingRegistration {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly status: MeetingRegistrationStatus;
  readonly registeredAt: Instant;
}

export interface NoCampaign {
  readonly phase: 'NONE';
}

export interface Campaign {
  readonly phase: CampaignPhase;
  readonly campaignId: string;
  readonly definition: CampaignDefinition;
  /** The calendar in force: the definition's, as moved since. */
  readonly calendar: CampaignCalendar;
  readonly createdAt: Instant;
  readonly phaseChangedAt: Instant;
  /** Active registrations, confirmed ones first, each group in order of arrival. */
  readonly registrations: readonly MeetingRegistration[];
  /** Keys of the campaign-wide reminders already issued (see `reminderKey`). */
  readonly issuedReminders: readonly string[];
  /**
   * How many times the information meeting has moved (see `meetingMovesOf`). Absent until its
   * first move, so the campaigns folded before this was counted read the same as before.
   */
  readonly meetingMoves?: number;
  readonly cancellationReason?: string;
}

export type CampaignState = NoCampaign | Campaign;

export const initialCampaignState: CampaignState = { phase: 'NONE' };

export function isCampaign(state: CampaignState): state is Campaign {
  return state.phase !== 'NONE';
}

/** Phases a campaign never leaves. */
export function isFinished(phase: CampaignPhase): boolean {
  return phase === 'CLOSED' || phase === 'CANCELLED';
}
