import {
  assignReviewersAutomatically,
  AUTOMATIC_ASSIGNMENT_STATUSES,
  DEFAULT_DISAGREEMENT_THRESHOLD,
  DEFAULT_SHORTLIST_THRESHOLD,
  DomainErrorCode,
  DossierCommand,
  EvaluationGrid,
  dossierReviewSummary,
  DomainError,
  refusals,
} from '@amiflow/domain';
import {
  CampaignSummaryQuery,
  DossierSummaryQuery,
  ReviewerQueueQuery,
} from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '../auth/principal';
import { DossiersService } from '../dossiers/dossiers.service';
import { CommandContext, LifecycleCommands } from '../lifecycle/lifecycle-commands.service';
import {
  AutomaticAssignmentOutput,
  CampaignGridOutput,
  GridOutput,
  DossierReviewsOutput,
  ReviewerQueueOutput,
} from './dtos/reviews.outputs';

/**
 * Reviews of dossiers on their campaign's evaluation grid (issue 13): the commands go to each
 * dossier's workflow like every other decision; the reads come from the dossier's folded state
 * and the reviewers' queue read model.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
    @Inject(ReviewerQueueQuery) private readonly queues: ReviewerQueueQuery,
    @Inject(LifecycleCommands) private readonly lifecycles: LifecycleCommands,
  ) {}

  /**
   * An administrator sets the campaign's grid until its screening starts (`ChangeEvaluationGrid`;
   * the campaign's workflow then has each dossier's copy follow); answers with the grid now in
   * force.
   */
  async changeGrid(
    campaignId: string,
    evaluationGrid: EvaluationGrid,
    context: CommandContext,
  ): Promise<CampaignGridOutput> {
    if (!(await this.campaigns.state(campaignId))) throw refusals.campaignNotFound(campaignId);
    await this.lifecycles.campaign(
      campaignId,
      { type: 'ChangeEvaluationGrid', evaluationGrid, actor: context.actor },
      context,
    );
    const campaign = await this.campaigns.state(campaignId);
    const grid = campaign?.definition.evaluationGrid;
    return { campaignId, grid: grid ? gridOutput(grid) : null };
  }

  /** A review command to one dossier, answered with its reviews as they now stand. */
  async execute(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    context: CommandContext,
  ): Promise<DossierReviewsOutput> {
    await this.dossiers.execute(campaignId, organisationId, command, context);
    return this.reviews(campaignId, organisationId);
  }

  /** The dossier's grid, reviewers, scores with comments, weighted score, spread and flag. */
  async reviews(campaignId: string, organisationId: string): Promise<DossierReviewsOutput> {
    const dossier = await this.summaries.stateWithoutAnswers(campaignId, organisationId);
    if (!dossier) throw refusals.dossierNotFound();
    const summary = dossierReviewSummary(dossier);
    const grid = dossier.terms.evaluationGrid;
    return {
      campaignId,
      organisationId,
      state: dossier.status,
      grid: grid ? gridOutput(grid) : null,
      reviewers: [...(dossier.reviewers ?? [])],
      reviews: (dossier.reviews ?? []).map((review) => ({
        reviewerId: review.reviewerId,
        weightedScore: review.weightedScore,
        scoredAt: review.scoredAt,
        scores: review.scores.map((score) => ({ ...score })),
      })),
      conflicts: (dossier.conflicts ?? []).map((conflict) => ({ ...conflict })),
      reviewCount: summary?.reviewCount ?? 0,
      weightedScore: summary?.weightedScore ?? null,
      spread: summary?.spread ?? null,
      disagreement: summary?.disagreement ?? false,
      recommendation: summary?.recommendation ?? null,
    };
  }

  /** « Mes dossiers à évaluer »: the signed-in operator's dossiers, still to score first. */
  async queue(principal: Principal, campaignId?: string): Promise<ReviewerQueueOutput> {
    return { items: await this.queues.queue(principal.subject, campaignId) };
  }

  /**
   * Gives the campaign's eligible and screened dossiers their reviewers among `reviewerIds`
   * (`assignReviewersAutomatically`: N per dossier, balanced, never a conflicted reviewer), by
   * one AssignReviewers per dossier that needs some, in organisation order. Run again, it only
   * completes what is missing; a dossier refused on the way (decided meanwhile) stops the run with
   * its refusal, the dossiers before it keeping their reviewers.
   */
  async assignAutomatically(
    campaignId: string,
    reviewerIds: readonly string[],
    perDossier: number,
    context: CommandContext,
  ): Promise<AutomaticAssignmentOutput> {
    if (!(await this.campaigns.state(campaignId))) throw refusals.campaignNotFound(campaignId);
    const dossiers = await this.summaries.statesIn(campaignId, AUTOMATIC_ASSIGNMENT_STATUSES);
    if (dossiers.some((dossier) => !dossier.terms.evaluationGrid)) {
      throw new DomainError(
        DomainErrorCode.NO_EVALUATION_GRID,
        "Cette campagne n'a pas de grille d'évaluation : ses dossiers ne sont pas notés.",
      );
    }
    const assignments = assignReviewersAutomatically({
      dossiers: dossiers.map((dossier) => ({
        organisationId: dossier.organisationId,
        assigned: dossier.reviewers ?? [],
        conflicted: (dossier.conflicts ?? []).map((conflict) => conflict.reviewerId),
      })),
      reviewers: reviewerIds,
      perDossier,
    });
    for (const { organisationId, reviewerIds: added } of assignments) {
      await this.dossiers.execute(
        campaignId,
        organisationId,
        { type: 'AssignReviewers', reviewerIds: added, actor: context.actor },
        context,
      );
    }
    return {
      assignments: assignments.map((a) => ({ ...a, reviewerIds: [...a.reviewerIds] })),
      dossierCount: dossiers.length,
    };
  }
}

/** The grid as the API gives it, its thresholds' defaults made explicit. */
function gridOutput(grid: EvaluationGrid): GridOutput {
  return {
    criteria: grid.criteria.map((c) => ({ ...c, scale: { ...c.scale } })),
    disagreementThreshold: grid.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD,
    shortlistThreshold: grid.shortlistThreshold ?? DEFAULT_SHORTLIST_THRESHOLD,
  };
}
