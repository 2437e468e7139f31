import { Campaign, CampaignCommand, DomainError, DomainErrorCode, refusals } from '@amiflow/domain';
import {
  CampaignPageCursor,
  CampaignSummaryQuery,
  MeetingRegistrationEntity,
  ReminderLedger,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  KeysetPosition,
} from '../common/page-cursor';
import { CommandContext, LifecycleCommands } from '../lifecycle/lifecycle-commands.service';
import { resolveCampaignDefinition } from './campaign-file.resolver';
import { toCampaignOutput, toCampaignSummaryOutput } from './campaign-output.mapper';
import { campaignNotFound, HIDDEN_FROM_ORGANISATIONS, isVisibleTo } from './campaign-visibility';
import { CreateCampaignInput } from './dtos/create-campaign.input';
import { CampaignOutput, CampaignPageOutput } from './dtos/campaign.output';
import { DeliveryFailuresOutput } from './dtos/delivery-failure.output';
import { ListCampaignsQuery } from './dtos/list-campaigns.query';
import {
  MeetingRegistrationOutput,
  MeetingRegistrationsOutput,
} from './dtos/meeting-registration.output';

/**
 * Campaign commands go to the campaign's workflow; everything answered is read back from the read
 * models, which the workflow's activity writes with the events before the update returns.
 */
@Injectable()
export class CampaignsService {
  constructor(
    @Inject(LifecycleCommands) private readonly lifecycles: LifecycleCommands,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(ReminderLedger) private readonly ledger: ReminderLedger,
  ) {}

  async create(input: CreateCampaignInput, context: CommandContext): Promise<CampaignOutput> {
    const { campaignId } = input;
    const definition = resolveCampaignDefinition(campaignId, input.definition);
    // Checked here, not only by the workflow: a campaign whose workflow has ended (closed,
    // cancelled) is never started again, and must be told apart from a new one.
    if (await this.campaigns.state(campaignId)) {
      throw refusals.campaignAlreadyExists(campaignId);
    }
    await this.lifecycles.startCampaign(
      campaignId,
      { type: 'CreateCampaign', campaignId, definition, actor: context.actor },
      context,
    );
    return this.findOne(campaignId);
  }

  /** A command to a campaign that exists; answers with the campaign as it now stands. */
  async execute(
    campaignId: string,
    command: CampaignCommand,
    context: CommandContext,
  ): Promise<CampaignOutput> {
    await this.campaign(campaignId);
    await this.lifecycles.campaign(campaignId, command, context);
    return this.findOne(campaignId);
  }

  async findOne(campaignId: string, viewer?: Principal): Promise<CampaignOutput> {
    const campaign = await this.campaign(campaignId, viewer);
    return toCampaignOutput(
      campaign,
      countsFor(viewer, await this.campaigns.dossierCounts(campaignId)),
    );
  }

  async page(query: ListCampaignsQuery, viewer: Principal): Promise<CampaignPageOutput> {
    const page = await this.campaigns.page(
      { hiddenPhases: viewer.role === 'organisation' ? HIDDEN_FROM_ORGANISATIONS : [] },
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor === undefined ? undefined : campaignPosition(decodeCursor(query.cursor)),
    );
    return {
      items: page.items.map(({ summary, dossierCounts }) =>
        toCampaignSummaryOutput(summary, countsFor(viewer, dossierCounts)),
      ),
      nextCursor: page.next
        ? encodeCursor({ at: page.next.createdAt, key: page.next.campaignId })
        : null,
    };
  }

  async registrations(campaignId: string): Promise<MeetingRegistrationsOutput> {
    const campaign = await this.campaign(campaignId);
    const capacity = requireMeeting(campaign);
    const rows = (await this.campaigns.registrations(campaignId)).map(toRegistrationOutput);
    return {
      capacity,
      confirmed: rows.filter((row) => row.status === 'CONFIRMED'),
      waitingList: rows.filter((row) => row.status === 'WAITLISTED'),
    };
  }

  /**
   * Registers an organisation, confirmed while seats remain, else on the waiting list. A PUT:
   * registering again answers the registration as it stands rather than refusing it.
   */
  async register(
    campaignId: string,
    organisationId: string,
    organisationName: string,
    context: CommandContext,
    viewer: Principal,
  ): Promise<MeetingRegistrationOutput> {
    const campaign = await this.campaign(campaignId, viewer);
    requireMeeting(campaign);
    const existing = await this.registration(campaignId, organisationId);
    if (existing) return existing;
    await this.lifecycles
      .campaign(
        campaignId,
        { type: 'RegisterForMeeting', organisationId, organisationName },
        context,
      )
      .catch((error: unknown) => {
        // Two PUTs at once: the second finds the first's registration, as a repeat would.
        const repeated =
          error instanceof DomainError && error.code === DomainErrorCode.MEETING_ALREADY_REGISTERED;
        if (!repeated) throw error;
      });
    const registered = await this.registration(campaignId, organisationId);
    if (!registered) throw refusals.meetingRegistrationNotFound();
    return registered;
  }

  async cancelRegistration(
    campaignId: string,
    organisationId: string,
    context: CommandContext,
    viewer: Principal,
  ): Promise<void> {
    await this.campaign(campaignId, viewer);
    await this.lifecycles.campaign(
      campaignId,
      { type: 'CancelMeetingRegistration', organisationId },
      context,
    );
  }

  async deliveryFailures(campaignId: string): Promise<DeliveryFailuresOutput> {
    await this.campaign(campaignId);
    const failures = await this.ledger.undelivered(campaignId);
    return {
      items: failures.map((failure) => ({
        status: failure.status,
        droppedReason: failure.droppedReason,
        organisationId: failure.organisationId,
        ruleId: failure.ruleId,
        kind: failure.kind,
        occurrence: failure.occurrence,
        recipient: failure.recipient,
        address: failure.address,
        failedAttempts: failure.failedAttempts,
        lastError: failure.lastError,
        dueAt: failure.dueAt.toISOString(),
        lastAttemptAt: failure.deliveredAt.toISOString(),
      })),
    };
  }

  /** The campaign as folded, if it exists and the viewer may see it; else 404. */
  private async campaign(campaignId: string, viewer?: Principal): Promise<Campaign> {
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign || (viewer && !isVisibleTo(viewer, campaign.phase))) {
      throw campaignNotFound(campaignId);
    }
    return campaign;
  }

  private async registration(
    campaignId: string,
    organisationId: string,
  ): Promise<MeetingRegistrationOutput | undefined> {
    const rows = await this.campaigns.registrations(campaignId);
    return rows.map(toRegistrationOutput).find((row) => row.organisationId === organisationId);
  }
}

/** The meeting's capacity; a campaign without a meeting takes no registration. */
function requireMeeting(campaign: Campaign): number {
  if (!campaign.definition.meeting) throw refusals.noInformationMeeting();
  return campaign.definition.meeting.capacity;
}

/** Rows come confirmed first, then the waiting list, each in order: positions follow from it. */
function toRegistrationOutput(
  row: MeetingRegistrationEntity,
  index: number,
  rows: readonly MeetingRegistrationEntity[],
): MeetingRegistrationOutput {
  const confirmed = rows.filter((other) => other.status === 'CONFIRMED').length;
  return {
    campaignId: row.campaignId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    status: row.status,
    registeredAt: row.registeredAt.toISOString(),
    waitingListPosition: row.status === 'WAITLISTED' ? index - confirmed + 1 : null,
  };
}

/** How the other applicants fare (ineligible, shortlisted…) is for the ministry's eyes only. */
function countsFor(
  viewer: Principal | undefined,
  dossierCounts: Record<string, number>,
): Record<string, number> {
  return viewer?.role === 'organisation' ? {} : dossierCounts;
}

function campaignPosition({ at, key }: KeysetPosition): CampaignPageCursor {
  return { createdAt: at, campaignId: key };
}
