import { Actor, DossierSnapshot, DossierUpdateRequest } from '@amiflow/contracts';
import { DomainError, DomainErrorCode, dossierTermsOf } from '@amiflow/domain';
import { sendDossierCommand } from '@amiflow/lifecycle-client';
import {
  CampaignSummaryQuery,
  DossierSummaryEntity,
  DossierSummaryQuery,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { rethrowAsDomainError } from '../temporal/workflow-failure';
import { CreateDossierDraftInput } from './dtos/create-dossier-draft.input';
import { DossierOutput } from './dtos/dossier.output';

@Injectable()
export class DossiersService {
  constructor(
    @Inject(Client) private readonly temporal: Client,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
  ) {}

  /** Starts the dossier's workflow if needed and has it decide, in one round trip. */
  async createDraft(
    campaignId: string,
    draft: CreateDossierDraftInput,
    actor: Actor,
    correlationId: string,
  ): Promise<DossierSnapshot> {
    const { organisationId } = draft;
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) {
      throw new DomainError(
        DomainErrorCode.CAMPAIGN_NOT_FOUND,
        `La campagne ${campaignId} n'existe pas.`,
      );
    }
    if (campaign.phase !== 'OPEN') {
      throw new DomainError(
        DomainErrorCode.TRANSITION_NOT_ALLOWED,
        "La campagne n'est pas ouverte : aucun dossier ne peut y être créé.",
        { phase: campaign.phase },
      );
    }
    const request: DossierUpdateRequest = {
      command: {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: draft.organisationName,
        organisationType: draft.organisationType,
        profession: draft.profession,
        terms: dossierTermsOf(campaign),
      },
      actor,
      correlationId,
    };
    return sendDossierCommand(this.temporal, campaignId, organisationId, request).catch(
      rethrowAsDomainError,
    );
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
    organisationType: summary.organisationType,
    profession: summary.profession,
    state: summary.state,
    completenessPercent: summary.completenessPercent,
    missingRequiredSections: summary.missingRequiredSections,
    nextDeadline: summary.nextDeadline?.toISOString() ?? null,
    submittedAt: summary.submittedAt?.toISOString() ?? null,
    version: summary.version,
    createdAt: summary.createdAt.toISOString(),
    lastChangeAt: summary.lastChangeAt.toISOString(),
  };
}
