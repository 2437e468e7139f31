/**
 * The best proposals (issue 13, item 4: « ranking by weighted score, with reviewers' comments »):
 * a dossier's weighted score is the domain's (`dossierReviewSummary`: the mean of its reviewers'
 * weighted scores on its grid), its comments its reviewers'.
 */
export interface ScoredProposal {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly profession: string | null;
  /** The weighted score out of 20 (`WEIGHTED_SCORE_SCALE`), to two decimals. */
  readonly weightedScore: number;
  /** Each reviewer's comments, reviewer by reviewer, « Critère : commentaire ». */
  readonly comments: readonly string[];
}

/**
 * Where the synthesis gets the scores (bound in synthesis.module.ts to the reviews',
 * `ReviewedProposalScores`): the synthesis ranks, it does not score.
 */
export abstract class ProposalScores {
  /**
   * The campaign's scored dossiers, in any order; null when nothing scores its dossiers (no
   * evaluation grid in force, `gridInForce` false, and no dossier scored on an earlier one).
   */
  abstract scored(
    campaignId: string,
    gridInForce: boolean,
  ): Promise<readonly ScoredProposal[] | null>;
}

/** The `limit` best proposals, best first; ties by organisation id, so the order is stable. */
export function bestProposals(scored: readonly ScoredProposal[], limit: number): ScoredProposal[] {
  return [...scored]
    .sort(
      (a, b) =>
        b.weightedScore - a.weightedScore || a.organisationId.localeCompare(b.organisationId),
    )
    .slice(0, limit);
}
