/**
 * The seam for the best proposals (issue 13, item 4: « ranking by weighted score, with reviewers'
 * comments »). The scores come from the evaluation grid and the reviews (issue 13, items 1–2),
 * built on another branch: until they are on main, no source gives scores and the synthesis says
 * so (`available: false`) rather than ranking by something else.
 */
export interface ScoredProposal {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly profession: string | null;
  /** The weighted score on the grid's scale. */
  readonly weightedScore: number;
  readonly comments: readonly string[];
}

/** Where the scores come from: the provider the reviews will replace (synthesis.module.ts). */
export abstract class ProposalScores {
  /** The campaign's scored dossiers, or null when nothing scores dossiers yet. */
  abstract scored(campaignId: string): Promise<readonly ScoredProposal[] | null>;
}

/** What the synthesis reads until reviews exist: no scores, said as such. */
export class NoProposalScores extends ProposalScores {
  scored(): Promise<null> {
    return Promise.resolve(null);
  }
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
