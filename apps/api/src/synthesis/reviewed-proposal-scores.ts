import { summariseReviews, THEME_TAGGING_STATUSES } from '@amiflow/domain';
import { DossierAnalysisQuery, ReviewedDossierRow } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { ProposalScores, ScoredProposal } from './best-proposals';

/**
 * The best proposals' scores from the reviews (issue 13, items 2 and 4): one query over the
 * dossiers' snapshots (`DossierAnalysisQuery.reviewed`, the dossiers of the synthesis's states
 * that hold a review), each dossier's weighted score computed by the domain's `summariseReviews`
 * on the dossier's grid, the very function behind what the dossier's reviews (`GET …/reviews`,
 * `dossierReviewSummary`) show: the mean of the complete reviews' exact weighted scores.
 */
@Injectable()
export class ReviewedProposalScores extends ProposalScores {
  constructor(@Inject(DossierAnalysisQuery) private readonly analysis: DossierAnalysisQuery) {
    super();
  }

  async scored(campaignId: string, gridInForce: boolean): Promise<ScoredProposal[] | null> {
    const rows = await this.analysis.reviewed(campaignId, THEME_TAGGING_STATUSES);
    const scored = rows
      .map(scoredProposal)
      .filter((proposal): proposal is ScoredProposal => proposal !== null);
    return scored.length === 0 && !gridInForce ? null : scored;
  }
}

/**
 * A reviewed dossier as a proposal: its weighted score (null, so left out, while no review is
 * complete or the dossier has no grid) and its reviewers' non-empty comments, each prefixed with
 * its criterion's label, reviewer by reviewer in the grid's order.
 */
export function scoredProposal(row: ReviewedDossierRow): ScoredProposal | null {
  if (!row.grid) return null;
  const grid = row.grid;
  const summary = summariseReviews(
    grid,
    row.reviews.map((review) => review.scores),
  );
  if (summary.weightedScore === null) return null;
  const comments = row.reviews.flatMap((review) =>
    grid.criteria.flatMap((criterion) => {
      const comment = review.scores.find((s) => s.criterionId === criterion.id)?.comment.trim();
      return comment ? [`${criterion.label} : ${comment}`] : [];
    }),
  );
  return {
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    profession: row.profession,
    weightedScore: summary.weightedScore,
    comments,
  };
}
