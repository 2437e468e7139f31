import { Actor, dossierStreamId } from '@amiflow/contracts';
import {
  allowedOperatorCommands,
  decideDossier,
  DomainError,
  Dossier,
  DossierCommand,
  dossierTermsOf,
  ELIGIBILITY_REASON_LABELS,
  EligibilityReason,
  isAnswered,
  isLate,
  refusals,
  REVIEW_EVENT_TYPES,
} from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierListRow,
  dossierListRowOf,
  DossierSummaryQuery,
  EventStore,
  ReminderLedger,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import {
  CommandContext,
  LifecycleCommands,
  LifecycleEndedError,
} from '../lifecycle/lifecycle-commands.service';
import { CreateDossierDraftInput } from './dtos/create-dossier-draft.input';
import { TimelineOutput } from './dtos/dossier-page.output';
import { DossierOutput, EligibilityOutput } from './dtos/dossier.output';
import { DossierAnswersOutput } from './dtos/dossier-answers.output';
import { DossierDeliveriesOutput } from './dtos/dossier-delivery.output';

@Injectable()
export class DossiersService {
  constructor(
    @Inject(LifecycleCommands) private readonly lifecycles: LifecycleCommands,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(EventStore) private readonly events: EventStore,
    @Inject(ReminderLedger) private readonly ledger: ReminderLedger,
  ) {}

  /** Starts the dossier's workflow if needed and has it decide, in one round trip. */
  async createDraft(
    campaignId: string,
    draft: CreateDossierDraftInput,
    context: CommandContext,
  ): Promise<DossierOutput> {
    const { organisationId } = draft;
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) throw refusals.campaignNotFound(campaignId);
    if (campaign.phase !== 'OPEN') throw refusals.campaignNotOpen(campaign.phase);
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
    await this.lifecycles
      .dossier(campaignId, organisationId, command, context)
      .catch(async (error: unknown) => {
        if (!(error instanceof LifecycleEndedError)) throw error;
        throw await this.refusalOfEnded(campaignId, organisationId, command, error);
      });
    return this.findOne(campaignId, organisationId);
  }

  /**
   * Why an ended dossier refuses a command, in the domain's own words: the command decided
   * against the dossier as its read model folded it (an expired draft says its deadline has
   * passed). Nothing is appended: a final state refuses every command sent over HTTP.
   */
  private async refusalOfEnded(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    ended: LifecycleEndedError,
  ): Promise<DomainError> {
    const state = await this.summaries.state(campaignId, organisationId);
    if (!state) return ended;
    try {
      decideDossier(command, state, new Date());
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    return ended;
  }

  /**
   * One dossier, with its eligibility decision and the reasons for it in French, its
   * consultation and follow-ups, and what an operator may decide about it now.
   */
  async findOne(campaignId: string, organisationId: string): Promise<DossierOutput> {
    const [summary, state] = await Promise.all([
      this.summaries.findOne(campaignId, organisationId),
      this.summaries.stateWithoutAnswers(campaignId, organisationId),
    ]);
    if (!summary || !state) {
      throw refusals.dossierNotFound();
    }
    const now = new Date();
    return {
      ...toOutput(dossierListRowOf(summary), now),
      eligibility: eligibilityOutput(state.eligibility),
      allowedOperatorCommands: allowedOperatorCommands(state, now),
      consultation: state.consultation
        ? {
            consultationId: state.consultation.consultationId,
            startsAt: state.consultation.startsAt,
            endsAt: state.consultation.endsAt,
            place: state.consultation.place,
            revision: state.consultation.revision,
          }
        : null,
      outcome: state.outcome
        ? { summary: state.outcome.summary, supportFormIds: [...state.outcome.supportFormIds] }
        : null,
      followUps: state.followUps.map((followUp) => ({
        followUpId: followUp.followUpId,
        title: followUp.title,
        owner: followUp.owner,
        dueAt: followUp.dueAt,
        plannedAt: followUp.plannedAt,
        completedAt: followUp.completedAt ?? null,
      })),
    };
  }

  /** The questionnaire's sections in the campaign's order, each with the dossier's answer. */
  async answers(campaignId: string, organisationId: string): Promise<DossierAnswersOutput> {
    const [answers, campaign] = await Promise.all([
      this.summaries.answers(campaignId, organisationId),
      this.campaigns.state(campaignId),
    ]);
    if (!answers || !campaign) {
      throw refusals.dossierNotFound();
    }
    return {
      sections: campaign.definition.sections.map(({ id, title, required }) => ({
        sectionId: id,
        title,
        required,
        answer: isAnswered(answers[id]) ? answers[id] : null,
      })),
    };
  }

  /** The ledger's rows about the dossier, whatever their status. */
  async deliveries(campaignId: string, organisationId: string): Promise<DossierDeliveriesOutput> {
    await this.findOne(campaignId, organisationId);
    const entries = await this.ledger.ofDossier(campaignId, organisationId);
    return {
      items: entries.map((entry) => ({
        deliveryKey: entry.deliveryKey,
        kind: entry.kind,
        recipient: entry.recipient,
        address: entry.address,
        status: entry.status,
        attempts: entry.failedAttempts + (entry.status === 'FAILED' ? 0 : 1),
        lastError: entry.lastError,
        sentAt: entry.status === 'SENT' ? entry.deliveredAt.toISOString() : null,
        dueAt: entry.dueAt.toISOString(),
      })),
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
      events: events
        .filter(
          (event) => !(seenByOrganisation && REVIEW_EVENT_TYPES.includes(event.type as never)),
        )
        .map((event) => ({
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

/** Fields of the ministry's deliberation: the screening note, the reviewers' score in view. */
const INTERNAL_FIELDS = ['note', 'weightedScore', 'againstScores'];

/** What operators write for themselves (screening notes, scores) and who they are stay inside. */
function withoutInternals(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (INTERNAL_FIELDS.includes(key)) continue;
    shown[key] = key === 'by' ? anonymous(value as Actor) : value;
  }
  return shown;
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

/** The row as the API shows it; `late` is judged at `now`, the moment of the request. */
function toOutput(row: DossierListRow, now: Date): DossierOutput {
  return {
    campaignId: row.campaignId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationType: row.organisationType,
    profession: row.profession,
    state: row.state,
    completenessPercent: row.completenessPercent,
    missingRequiredSections: row.missingRequiredSections,
    nextDeadline: row.nextDeadline,
    nextDueAt: row.nextDueAt,
    nextDueKind: row.nextDueKind,
    late: row.nextDueAt !== null && isLate(row.nextDueAt, now),
    submittedAt: row.submittedAt,
    version: row.version,
    createdAt: row.createdAt,
    lastChangeAt: row.lastChangeAt,
  };
}
