import { AppConfig } from '@amiflow/config';
import { DOSSIER_WORKFLOW_TYPE, dossierWorkflowId } from '@amiflow/contracts';
import { dueItems, Dossier, refusals } from '@amiflow/domain';
import { DossierSummaryQuery, ReminderLedger } from '@amiflow/persistence';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { CampaignAlertsOutput, StuckWorkflowOutput } from './dtos/campaign-alerts.output';
import { DossierWorkflowOutput } from './dtos/dossier-workflow.output';

/**
 * A running dossier workflow acts by itself on its draft's deadline and its clarifications' due
 * dates within seconds; one whose `AmiNextDeadline` passed this long ago has stopped acting.
 */
const STUCK_AFTER_MS = 5 * 60_000;
/** States whose next deadline waits on a person (consultation outcome, follow-up), not a timer. */
const WAITING_ON_PEOPLE = ['CONSULTATION_SCHEDULED', 'FOLLOW_UP'];
const MAX_STUCK = 100;

/** What Temporal says of the dossiers' workflows, for operators. */
@Injectable()
export class WorkflowStatusService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(ReminderLedger) private readonly ledger: ReminderLedger,
  ) {}

  /**
   * The dossier's workflow as Temporal describes it, with what it waits for. Timers are not in
   * the description: the dates come from the dossier's state by the domain's due rules
   * (`dueItems`), the ones the workflow itself sleeps until.
   */
  async dossierWorkflow(
    campaignId: string,
    organisationId: string,
  ): Promise<DossierWorkflowOutput> {
    const dossier = await this.summaries.state(campaignId, organisationId);
    if (!dossier) throw refusals.dossierNotFound();
    const workflowId = dossierWorkflowId(campaignId, organisationId);
    let description;
    try {
      description = await this.temporal.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        return {
          workflowId,
          runId: null,
          status: null,
          waitingFor: [],
          pendingActivities: [],
          temporalUiUrl: null,
        };
      }
      throw unavailable(error);
    }
    const running = description.status.name === 'RUNNING';
    return {
      workflowId,
      runId: description.runId,
      status: description.status.name,
      waitingFor: running ? waitingFor(dossier) : [],
      pendingActivities: (description.raw.pendingActivities ?? []).map((activity) => ({
        activityType: activity.activityType?.name ?? '',
        attempt: activity.attempt ?? 1,
        lastFailure: activity.lastFailure?.message ?? null,
      })),
      temporalUiUrl: this.uiLink(workflowId, description.runId),
    };
  }

  /**
   * What needs an operator's eye on a campaign: failing notifications, dossiers waiting on an
   * operator, and dossier workflows that failed, were terminated or timed out, or run past a
   * date they act on by themselves (visibility query on the search attributes).
   */
  async alerts(campaignId: string): Promise<CampaignAlertsOutput> {
    const [failedDeliveries, counts] = await Promise.all([
      this.ledger.countFailures(campaignId),
      this.summaries.counts({ campaignId }, new Date()),
    ]);
    const stuckBefore = new Date(Date.now() - STUCK_AFTER_MS).toISOString();
    // campaignId is a validated business key: nothing in it can break out of the quotes.
    const query =
      `WorkflowType = '${DOSSIER_WORKFLOW_TYPE}' AND AmiCampaignId = '${campaignId}' AND (` +
      `ExecutionStatus IN ('Failed', 'Terminated', 'TimedOut') OR (ExecutionStatus = 'Running'` +
      ` AND AmiNextDeadline < '${stuckBefore}'` +
      ` AND AmiState NOT IN (${WAITING_ON_PEOPLE.map((state) => `'${state}'`).join(', ')})))`;
    const stuckWorkflows: StuckWorkflowOutput[] = [];
    try {
      for await (const execution of this.temporal.workflow.list({ query, pageSize: MAX_STUCK })) {
        const deadline = execution.searchAttributes?.AmiNextDeadline?.[0];
        const running = execution.status.name === 'RUNNING';
        stuckWorkflows.push({
          workflowId: execution.workflowId,
          organisationId: execution.workflowId.split('/').at(-1) ?? '',
          reason: running ? 'DEADLINE_PASSED' : execution.status.name,
          since: running
            ? deadline instanceof Date
              ? deadline.toISOString()
              : typeof deadline === 'string'
                ? new Date(deadline).toISOString()
                : null
            : (execution.closeTime?.toISOString() ?? null),
        });
        if (stuckWorkflows.length >= MAX_STUCK) break;
      }
    } catch (error) {
      throw unavailable(error);
    }
    return { failedDeliveries, waitingOnOperator: counts.tabs.toProcess, stuckWorkflows };
  }

  private uiLink(workflowId: string, runId: string): string | null {
    const base = this.config.temporal.uiUrl;
    if (!base) return null;
    const namespace = encodeURIComponent(this.config.temporal.namespace);
    return `${base}/namespaces/${namespace}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
  }
}

function waitingFor(dossier: Dossier) {
  return dueItems(dossier).map((item) => ({ kind: item.kind, at: item.dueAt, label: item.label }));
}

/** Temporal away is a 503 to retry, as for commands. */
function unavailable(error: unknown): unknown {
  const grpc = [error, (error as { cause?: unknown } | null)?.cause].find(isGrpcServiceError);
  return grpc
    ? new ServiceUnavailableException(
        'Temporal ne répond pas pour le moment : réessayez dans quelques secondes.',
      )
    : error;
}
