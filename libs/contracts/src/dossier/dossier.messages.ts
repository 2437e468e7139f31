import type { DossierCommand, DossierState } from '@amiflow/domain';
// Only the definition helpers: plain objects with typed brands, safe outside the workflow sandbox
// (the API and the activities build their calls from these very definitions).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LifecycleSnapshot, LifecycleUpdateRequest } from '../lifecycle/lifecycle-messages';
import type { DossierEventNotice, ReminderDelivery } from '../notifications/reminder-activities';

export const DOSSIER_WORKFLOW_TYPE = 'dossierLifecycle';

export const dossierUpdateNames = {
  /** Every command; the first (CreateDossierDraft) starts the workflow by update-with-start. */
  command: 'dossierCommand',
} as const;

export const dossierQueryNames = {
  state: 'dossierState',
} as const;

/** What the campaign tells its dossiers. */
export const dossierSignalNames = {
  calendarChanged: 'campaignCalendarChanged',
  /** No payload: the dossier reads the grid in force (see `currentEvaluationGrid`). */
  evaluationGridChanged: 'campaignEvaluationGridChanged',
  submissionsClosed: 'campaignSubmissionsClosed',
  campaignCancelled: 'campaignCancelled',
  campaignClosed: 'campaignClosed',
} as const;

export interface CalendarChangedSignal {
  readonly submissionDeadline: string;
  readonly consultationsStartAt: string;
}

export interface CampaignCancelledSignal {
  readonly reason: string;
}

export type DossierSnapshot = LifecycleSnapshot<DossierState>;

export interface DossierWorkflowInput {
  readonly campaignId: string;
  readonly organisationId: string;
  /** Set when the workflow continues as new: what the previous run had folded. */
  readonly carried?: DossierSnapshot;
  /** And the events it had still to tell the organisation about. */
  readonly pendingNotices?: readonly DossierEventNotice[];
  /** And the reminders it had issued and not yet delivered. */
  readonly pendingReminders?: readonly ReminderDelivery[];
}

export type DossierUpdateRequest<Command extends DossierCommand = DossierCommand> =
  LifecycleUpdateRequest<Command>;

/**
 * The messages of a dossier's workflow, typed end to end: the workflow registers its handlers on
 * these definitions and every client sends through them, so a wrong argument or a misread answer
 * fails the type-check on both sides. Their names are stored by Temporal: never rename one.
 */
export const dossierCommandUpdate = defineUpdate<DossierSnapshot, [DossierUpdateRequest]>(
  dossierUpdateNames.command,
);

export const dossierStateQuery = defineQuery<DossierSnapshot>(dossierQueryNames.state);

export const calendarChangedSignal = defineSignal<[CalendarChangedSignal]>(
  dossierSignalNames.calendarChanged,
);
export const evaluationGridChangedSignal = defineSignal(dossierSignalNames.evaluationGridChanged);
export const submissionsClosedSignal = defineSignal(dossierSignalNames.submissionsClosed);
export const campaignCancelledSignal = defineSignal<[CampaignCancelledSignal]>(
  dossierSignalNames.campaignCancelled,
);
export const campaignClosedSignal = defineSignal(dossierSignalNames.campaignClosed);

/** The workflow's signature, for clients that start it (its function lives in workflows/). */
export type DossierLifecycleWorkflow = (input: DossierWorkflowInput) => Promise<DossierSnapshot>;
