import {
  calendarChangedSignal,
  campaignCancelledSignal,
  campaignClosedSignal,
  campaignCommandUpdate,
  CampaignLifecycleWorkflow,
  campaignStateQuery,
  CAMPAIGN_WORKFLOW_TYPE,
  dossierCommandUpdate,
  DossierLifecycleWorkflow,
  DossierSnapshot,
  dossierStateQuery,
  DOSSIER_WORKFLOW_TYPE,
  LIFECYCLE_TASK_QUEUE,
  submissionsClosedSignal,
} from '@amiflow/contracts';
import { Actor } from '@amiflow/domain';
import { Client, WithStartWorkflowOperation, WorkflowHandle } from '@temporalio/client';

// The messages are typed end to end: what a client sends goes through the definition the
// workflow handles, so a wrong argument is refused by the compiler. `npm run typecheck`
// (tsc -p tsconfig.json) checks this file: each `@ts-expect-error` fails the type-check when its
// call compiles, and each call without one beside it shows the right form compiles. The function
// is never run: a type-check is what it tests.
const actor: Actor = { id: 'instructeur-1', role: 'operator' };
const correlationId = 'request-1';

export function callsTheCompilerChecks(client: Client, handle: WorkflowHandle): void {
  // A dossier command, to a dossier: accepted.
  void handle.executeUpdate(dossierCommandUpdate, {
    args: [{ command: { type: 'SubmitDossier' }, actor, correlationId }],
  });
  // A campaign command, to a dossier: refused.
  // @ts-expect-error OpenCampaign is not a dossier command
  void handle.executeUpdate(dossierCommandUpdate, {
    args: [{ command: { type: 'OpenCampaign' }, actor, correlationId }],
  });
  // A command without who asks: refused.
  // @ts-expect-error every request says who asks
  void handle.executeUpdate(dossierCommandUpdate, {
    args: [{ command: { type: 'SubmitDossier' }, correlationId }],
  });
  // A dossier command, to a campaign: refused; a campaign command: accepted.
  // @ts-expect-error SubmitDossier is not a campaign command
  void handle.executeUpdate(campaignCommandUpdate, {
    args: [{ command: { type: 'SubmitDossier' }, actor, correlationId }],
  });
  void handle.executeUpdate(campaignCommandUpdate, {
    args: [{ command: { type: 'OpenCampaign' }, actor, correlationId }],
  });

  // The answer is the workflow's snapshot, not `unknown`.
  void handle
    .executeUpdate(dossierCommandUpdate, {
      args: [{ command: { type: 'SubmitDossier' }, actor, correlationId }],
    })
    .then((snapshot: DossierSnapshot) => snapshot.version);
  void handle
    .executeUpdate(campaignCommandUpdate, {
      args: [{ command: { type: 'OpenCampaign' }, actor, correlationId }],
    })
    // @ts-expect-error a campaign's answer is no dossier snapshot
    .then((snapshot: DossierSnapshot) => snapshot.version);
  void handle.query(dossierStateQuery).then((snapshot: DossierSnapshot) => snapshot.version);
  // @ts-expect-error a campaign's state is no dossier snapshot
  void handle.query(campaignStateQuery).then((snapshot: DossierSnapshot) => snapshot.version);

  // Signals carry what the campaign announces, or nothing.
  const calendar = { submissionDeadline: '2019-11-14T23:00:00.000Z', consultationsStartAt: '' };
  void handle.signal(calendarChangedSignal, calendar);
  // @ts-expect-error a moved calendar says where the deadline went
  void handle.signal(calendarChangedSignal, { consultationsStartAt: '' });
  void handle.signal(campaignCancelledSignal, { reason: 'Appel annulé' });
  // @ts-expect-error a cancellation gives its reason
  void handle.signal(campaignCancelledSignal);
  void handle.signal(submissionsClosedSignal);
  void handle.signal(campaignClosedSignal);
  // @ts-expect-error the close of the campaign carries nothing
  void handle.signal(campaignClosedSignal, { reason: 'fin' });

  // Update-with-start: the update's request and the workflow's input are both checked.
  void client.workflow.executeUpdateWithStart(dossierCommandUpdate, {
    args: [{ command: { type: 'SubmitDossier' }, actor, correlationId }],
    startWorkflowOperation: new WithStartWorkflowOperation<DossierLifecycleWorkflow>(
      DOSSIER_WORKFLOW_TYPE,
      {
        workflowId: 'dossier/c/o',
        taskQueue: LIFECYCLE_TASK_QUEUE,
        args: [{ campaignId: 'c', organisationId: 'o' }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      },
    ),
  });
  void new WithStartWorkflowOperation<DossierLifecycleWorkflow>(DOSSIER_WORKFLOW_TYPE, {
    workflowId: 'dossier/c/o',
    taskQueue: LIFECYCLE_TASK_QUEUE,
    // @ts-expect-error a dossier's workflow starts with its organisation
    args: [{ campaignId: 'c' }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  void new WithStartWorkflowOperation<CampaignLifecycleWorkflow>(CAMPAIGN_WORKFLOW_TYPE, {
    workflowId: 'campaign/c',
    taskQueue: LIFECYCLE_TASK_QUEUE,
    args: [{ campaignId: 'c' }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

describe('the lifecycles’ messages', () => {
  // Temporal stores these names in every history: a rename would strand running workflows.
  it('keep the names Temporal has stored', () => {
    expect(
      [
        dossierCommandUpdate,
        dossierStateQuery,
        calendarChangedSignal,
        submissionsClosedSignal,
        campaignCancelledSignal,
        campaignClosedSignal,
        campaignCommandUpdate,
        campaignStateQuery,
      ].map(({ type, name }) => `${type} ${name}`),
    ).toEqual([
      'update dossierCommand',
      'query dossierState',
      'signal campaignCalendarChanged',
      'signal campaignSubmissionsClosed',
      'signal campaignCancelled',
      'signal campaignClosed',
      'update campaignCommand',
      'query campaignState',
    ]);
  });
});
