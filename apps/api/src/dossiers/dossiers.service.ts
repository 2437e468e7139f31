import { dossierStreamId } from '@amiflow/contracts';
import { DomainError, DomainErrorCode, DossierCommand, dossierTermsOf } from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierPageCursor,
  DossierSummaryEntity,
  DossierSummaryQuery,
  EventStore,
} from '@amiflow/persistence';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CommandContext, LifecycleCommands } from '../lifecycle/lifecycle-commands.service';
import { CreateDossierDraftInput } from './dtos/create-dossier-draft.input';
import { DossierPageOutput, TimelineOutput } from './dtos/dossier-page.output';
import { DossierOutput } from './dtos/dossier.output';
import { ListDossiersQuery } from './dtos/list-dossiers.query';

const DEFAULT_PAGE_SIZE = 50;

@Injectable()
export class DossiersService {
  constructor(
    @Inject(LifecycleCommands) private readonly lifecycles: LifecycleCommands,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(EventStore) private readonly events: EventStore,
  ) {}

  /** Starts the dossier's workflow if needed and has it decide, in one round trip. */
  async createDraft(
    campaignId: string,
    draft: CreateDossierDraftInput,
    context: CommandContext,
  ): Promise<DossierOutput> {
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
    await this.lifecycles.startDossier(
      campaignId,
      organisationId,
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: draft.organisationName,
        organisationType: draft.organisationType,
        profession: draft.profession,
        terms: dossierTermsOf(campaign),
      },
      context,
    );
    return this.findOne(campaignId, organisationId);
  }

  /** A command to a dossier that exists; answers with the dossier as it now stands. */
  async execute(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    context: CommandContext,
  ): Promise<DossierOutput> {
    await this.findOne(campaignId, organisationId);
    // The events and the read model are written in one transaction before the update returns.
    await this.lifecycles.dossier(campaignId, organisationId, command, context);
    return this.findOne(campaignId, organisationId);
  }

  async findOne(campaignId: string, organisationId: string): Promise<DossierOutput> {
    const summary = await this.summaries.findOne(campaignId, organisationId);
    if (!summary) {
      throw new DomainError(DomainErrorCode.DOSSIER_NOT_FOUND, 'Dossier introuvable.');
    }
    return toOutput(summary);
  }

  async page(
    campaignId: string,
    query: ListDossiersQuery,
    onlyOrganisation?: string,
  ): Promise<DossierPageOutput> {
    const page = await this.summaries.page(
      {
        campaignId,
        state: query.state,
        organisationType: query.organisationType,
        profession: query.profession,
        text: query.text,
        organisationId: onlyOrganisation,
      },
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    );
    return {
      items: page.items.map(toOutput),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  async timeline(campaignId: string, organisationId: string): Promise<TimelineOutput> {
    await this.findOne(campaignId, organisationId);
    const events = await this.events.readStream(dossierStreamId(campaignId, organisationId));
    return {
      events: events.map((event) => ({
        version: event.streamVersion,
        type: event.type,
        occurredAt: event.metadata.occurredAt,
        actor: event.metadata.actor,
        data: event.data,
      })),
    };
  }
}

function encodeCursor(cursor: DossierPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastChangeAt, cursor.organisationId])).toString(
    'base64url',
  );
}

/** Cursors are opaque to callers: one that does not decode is a 400, never a 500. */
function decodeCursor(cursor: string): DossierPageCursor {
  try {
    const [lastChangeAt, organisationId] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof lastChangeAt === 'string' &&
      !Number.isNaN(Date.parse(lastChangeAt)) &&
      typeof organisationId === 'string'
    ) {
      return { lastChangeAt, organisationId };
    }
  } catch {
    // Falls through to the refusal.
  }
  throw new BadRequestException("Ce curseur n'est pas celui d'une page.");
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
