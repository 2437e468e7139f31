import {
  CAMPAIGN_WORKFLOW_TYPE,
  campaignCommandUpdate,
  campaignIdAttribute,
  CampaignLifecycleWorkflow,
  CampaignSnapshot,
  CampaignUpdateRequest,
  campaignWorkflowId,
  DOSSIER_WORKFLOW_TYPE,
  dossierCommandUpdate,
  DossierLifecycleWorkflow,
  DossierSnapshot,
  DossierUpdateRequest,
  dossierWorkflowId,
  LIFECYCLE_TASK_QUEUE,
  stateAttribute,
} from '@amiflow/contracts';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';

/**
 * Sends a command to a campaign's workflow, starting it if needed, in one round trip. The
 * workflow ID is the business key, so a repeated request can never start a second one; an ended
 * lifecycle is never started again. The update goes through its definition and the start is
 * typed by the workflow's signature, so both arguments are checked here.
 */
export function sendCampaignCommand(
  client: Client,
  campaignId: string,
  request: CampaignUpdateRequest,
  updateId?: string,
): Promise<CampaignSnapshot> {
  return client.workflow.executeUpdateWithStart(campaignCommandUpdate, {
    args: [request],
    updateId,
    startWorkflowOperation: new WithStartWorkflowOperation<CampaignLifecycleWorkflow>(
      CAMPAIGN_WORKFLOW_TYPE,
      {
        workflowId: campaignWorkflowId(campaignId),
        taskQueue: LIFECYCLE_TASK_QUEUE,
        args: [{ campaignId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: campaignIdAttribute, value: campaignId },
          { key: stateAttribute, value: 'NONE' },
        ],
      },
    ),
  });
}

/**
 * The same for one organisation's dossier in a campaign. `updateId`: the same one for a resend
 * of the same command (Temporal answers a known update ID with that update's outcome).
 */
export function sendDossierCommand(
  client: Client,
  campaignId: string,
  organisationId: string,
  request: DossierUpdateRequest,
  updateId?: string,
): Promise<DossierSnapshot> {
  return client.workflow.executeUpdateWithStart(dossierCommandUpdate, {
    args: [request],
    updateId,
    startWorkflowOperation: new WithStartWorkflowOperation<DossierLifecycleWorkflow>(
      DOSSIER_WORKFLOW_TYPE,
      {
        workflowId: dossierWorkflowId(campaignId, organisationId),
        taskQueue: LIFECYCLE_TASK_QUEUE,
        args: [{ campaignId, organisationId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: campaignIdAttribute, value: campaignId },
          { key: stateAttribute, value: 'NONE' },
        ],
      },
    ),
  });
}
