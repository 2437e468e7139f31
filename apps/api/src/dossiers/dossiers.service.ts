import {
  Actor,
  campaignIdAttribute,
  CreateDossierDraftRequest,
  DOSSIER_WORKFLOW_TYPE,
  DossierSnapshot,
  dossierUpdateNames,
  dossierWorkflowId,
  DossierWorkflowInput,
  LIFECYCLE_TASK_QUEUE,
  stateAttribute,
} from '@amiflow/contracts';
import { DomainError, DomainErrorCode } from '@amiflow/domain';
import { DossierSummaryEntity, DossierSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, Workflow } from '@temporalio/client';
import { rethrowAsDomainError } from '../temporal/workflow-failure';
import { DossierOutput } from './dtos/dossier.output';

@Injectable()
export class DossiersService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
  ) {}

  /** Starts the dossier's workflow if needed and has it decide, in one round trip. */
  async createDraft(
    campaignId: string,
    organisationId: string,
    organisationName: string,
    actor: Actor,
    correlationId: string,
  ): Promise<DossierSnapshot> {
    const input: DossierWorkflowInput = { campaignId, organisationId };
    const request: CreateDossierDraftRequest = {
      command: { type: 'CreateDossierDraft', campaignId, organisationId, organisationName },
      actor,
      correlationId,
    };
    const startWorkflowOperation = new WithStartWorkflowOperation(DOSSIER_WORKFLOW_TYPE, {
      workflowId: dossierWorkflowId(campaignId, organisationId),
      taskQueue: LIFECYCLE_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      typedSearchAttributes: [
        { key: campaignIdAttribute, value: campaignId },
        { key: stateAttribute, value: 'NONE' },
      ],
    });
    return this.temporal.workflow
      .executeUpdateWithStart<Workflow, DossierSnapshot, [CreateDossierDraftRequest]>(
        dossierUpdateNames.createDraft,
        { args: [request], startWorkflowOperation },
      )
      .catch(rethrowAsDomainError);
  }

  async findOne(campaignId: string, organisationId: string): Promise<DossierOutput> {
    const summary = await this.summaries.findOne(campaignId, organisationId);
    if (!summary) {
      throw new DomainError(
        DomainErrorCode.DOSSIER_NOT_FOUND,
        `Aucun dossier de l'organisation ${organisationId} pour la campagne ${campaignId}.`,
      );
    }
    return toOutput(summary);
  }
}

function toOutput(summary: DossierSummaryEntity): DossierOutput {
  return {
    campaignId: summary.campaignId,
    organisationId: summary.organisationId,
    organisationName: summary.organisationName,
    state: summary.state,
    version: summary.version,
    createdAt: summary.createdAt.toISOString(),
    updatedAt: summary.updatedAt.toISOString(),
  };
}
