import { Actor, dossierStreamId } from '@amiflow/contracts';
import {
  DomainError,
  DomainErrorCode,
  Dossier,
  DossierCommand,
  dossierTermsOf,
  ELIGIBILITY_REASON_LABELS,
  EligibilityReason,
} from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierPageCursor,
  DossierSummaryEntity,
  DossierSummaryQuery,
  EventStore,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  KeysetPosition,
} from '../common/page-cursor';
import { Principal } from '../auth/principal';
import { CommandContext, LifecycleCommands } from '../lifecycle/lifecycle-commands.service';
import { CreateDossierDraftInput } from './dtos/create-dossier-draft.input';
import { DossierPageOutput, TimelineOutput } from './dtos/dossier-page.output';
import { DossierOutput, EligibilityOutput } from './dtos/dossier.output';
import { ListDossiersQuery } from './dtos/list-dossiers.query';

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

  /** One dossier, with its eligibility decision and the reasons for it in French. */
  async findOne(campaignId: string, organisationId: string): Promise<DossierOutput> {
    const [summary, eligibility] = await Promise.all([
      this.summaries.findOne(campaignId, organisationId),
      this.summaries.eligibility(campaignId, organisationId),
    ]);
    if (!summary) {
      throw new DomainError(DomainErrorCode.DOSSIER_NOT_FOUND, 'Dossier introuvable.');
    }
    return { ...toOutput(summary), eligibility: eligibilityOutput(eligibility) };
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
      query.cursor === undefined ? undefined : dossierPosition(decodeCursor(query.cursor)),
    );
    return {
      items: page.items.map(toOutput),
      nextCursor: page.next
        ? encodeCursor({ at: page.next.lastChangeAt, key: page.next.organisationId })
        : null,
    };
  }

  async timeline(
    campaignId: string,
    organisationId: string,
    viewer: Principal,
  ): Promise<TimelineOutput> {
    await this.findOne(campaignId, organisationId);
    const events = await this.events.readStream(dossierStreamId(campaignId, organisationId));
    const seenByOrganisation = viewer.role === 'organisation';
    return {
      events: events.map((event) => ({
        version: event.streamVersion,
        type: event.type,
        occurredAt: event.metadata.occurredAt,
        actor: seenByOrganisation ? anonymous(event.metadata.actor) : event.metadata.actor,
        data: seenByOrganisation ? withoutInternals(event.data) : event.data,
      })),
    };
  }
}

/** The organisation sees that the ministry acted, not which agent. */
function anonymous(actor: Actor): Actor {
  return actor.role === 'organisation' ? actor : { id: actor.role, role: actor.role };
}

/** What operators write for themselves (screening notes) and who they are stay inside. */
function withoutInternals(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'note') continue;
    shown[key] = key === 'by' ? anonymous(value as Actor) : value;
  }
  return shown;
}

function dossierPosition({ at, key }: KeysetPosition): DossierPageCursor {
  return { lastChangeAt: at, organisationId: key };
}

function eligibilityOutput(eligibility: Dossier['eligibility']): EligibilityOutput | null {
  if (!eligibility) return null;
  return {
    decision: eligibility.decision,
    reasons: eligibility.reasons.map((code) => ({
      code,
      label: ELIGIBILITY_REASON_LABELS[code as EligibilityReason] ?? code,
    })),
    overrideReason: eligibility.overrideReason ?? null,
  };
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
