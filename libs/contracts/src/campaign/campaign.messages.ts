import type { CampaignCommand, CampaignState } from '@amiflow/domain';
// Only the definition helpers: plain objects with typed brands, safe outside the workflow sandbox.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { LifecycleSnapshot, LifecycleUpdateRequest } from '../lifecycle/lifecycle-messages';
import type { MeetingChangeNotice } from '../notifications/meeting-change-activities';
import type { ReminderDelivery } from '../notifications/reminder-activities';
import type { CampaignAnnouncement } from './fan-out-activities';

export const CAMPAIGN_WORKFLOW_TYPE = 'campaignLifecycle';

export const campaignUpdateNames = {
  /** Every command; the first (CreateCampaign) starts the workflow by update-with-start. */
  command: 'campaignCommand',
} as const;

export const campaignQueryNames = {
  state: 'campaignState',
} as const;

export type CampaignSnapshot = LifecycleSnapshot<CampaignState>;

export interface CampaignWorkflowInput {
  readonly campaignId: string;
  /** Set when the workflow continues as new: what the previous run had folded. */
  readonly carried?: CampaignSnapshot;
  /** And what it had still to tell its dossiers. */
  readonly pendingAnnouncements?: readonly CampaignAnnouncement[];
  /** And whether it had still to plan the consultations. */
  readonly planningDue?: boolean;
  /** And what it had still to tell the meeting's registrants. */
  readonly pendingMeetingChanges?: readonly MeetingChangeNotice[];
  /** And the reminders it had issued and not yet delivered. */
  readonly pendingReminders?: readonly ReminderDelivery[];
}

export type CampaignUpdateRequest<Command extends CampaignCommand = CampaignCommand> =
  LifecycleUpdateRequest<Command>;

/**
 * The messages of a campaign's workflow, typed end to end (see the dossier's): the workflow
 * handles them, clients send through them. Their names are stored by Temporal: never rename one.
 */
export const campaignCommandUpdate = defineUpdate<CampaignSnapshot, [CampaignUpdateRequest]>(
  campaignUpdateNames.command,
);

export const campaignStateQuery = defineQuery<CampaignSnapshot>(campaignQueryNames.state);

/** The workflow's signature, for clients that start it (its function lives in workflows/). */
export type CampaignLifecycleWorkflow = (input: CampaignWorkflowInput) => Promise<CampaignSnapshot>;
