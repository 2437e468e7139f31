import {
  DEFAULT_DISAGREEMENT_THRESHOLD,
  DEFAULT_SHORTLIST_THRESHOLD,
  EvaluationGrid,
  WEIGHTED_SCORE_SCALE,
} from '../campaign/evaluation-grid';

/** One criterion as a reviewer scored it. */
export interface CriterionScore {
  readonly criterionId: string;
  /** An integer on the criterion's scale. */
  readonly score: number;
  readonly comment: string;
}

/** What the reviews of a dossier say together (issue 13, item 2). */
export interface ReviewSummary {
  /** Reviews scored on every criterion of the grid: the others count for nothing yet. */
  readonly reviewCount: number;
  /** The mean of the reviews' weighted scores, out of `WEIGHTED_SCORE_SCALE.max`; null: none. */
  readonly weightedScore: number | null;
  /** Highest minus lowest weighted score between reviewers, same scale; null under two reviews. */
  readonly spread: number | null;
  /** The spread is above the grid's disagreement threshold: to discuss before deciding. */
  readonly disagreement: boolean;
  /** What the weighted score speaks for, against the grid's shortlisting threshold; null: none. */
  readonly recommendation: 'SHORTLISTED' | 'NOT_RETAINED' | null;
}

/**
 * One review's weighted score, out of `WEIGHTED_SCORE_SCALE.max` (20): each score placed between
 * its criterion's minimum (0) and maximum (1), weighted by the criterion's weight, the mean taken
 * and put on the 0–20 scale, to two decimals. Criteria have scales of their own, so the raw scores
 * cannot be averaged; this keeps a criterion's weight its share of the result whatever its scale.
 * Null when a criterion of the grid has no score (an incomplete review counts for nothing).
 */
export function weightedScore(
  grid: EvaluationGrid,
  scores: readonly CriterionScore[],
): number | null {
  const exact = exactWeightedScore(grid, scores);
  return exact === null ? null : roundToHundredths(exact);
}

/** The weighted score before rounding: what means and spreads are computed from. */
function exactWeightedScore(
  grid: EvaluationGrid,
  scores: readonly CriterionScore[],
): number | null {
  let weighted = 0;
  let weights = 0;
  for (const criterion of grid.criteria) {
    const given = scores.find((score) => score.criterionId === criterion.id);
    if (given === undefined) return null;
    const { min, max } = criterion.scale;
    weighted += (criterion.weight * (given.score - min)) / (max - min);
    weights += criterion.weight;
  }
  if (weights === 0) return null;
  const span = WEIGHTED_SCORE_SCALE.max - WEIGHTED_SCORE_SCALE.min;
  return WEIGHTED_SCORE_SCALE.min + (span * weighted) / weights;
}

/**
 * The reviews' weighted scores read together against the grid's thresholds, from the exact
 * scores (rounded last, so 18.125 and 11.875 average 15, not 15.01).
 */
export function summariseReviews(
  grid: EvaluationGrid,
  reviews: readonly (readonly CriterionScore[])[],
): ReviewSummary {
  const scores = reviews
    .map((review) => exactWeightedScore(grid, review))
    .filter((score): score is number => score !== null);
  if (scores.length === 0) {
    return {
      reviewCount: 0,
      weightedScore: null,
      spread: null,
      disagreement: false,
      recommendation: null,
    };
  }
  const mean = roundToHundredths(scores.reduce((sum, score) => sum + score, 0) / scores.length);
  const spread =
    scores.length < 2 ? null : roundToHundredths(Math.max(...scores) - Math.min(...scores));
  const threshold = grid.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  return {
    reviewCount: scores.length,
    weightedScore: mean,
    spread,
    disagreement: spread !== null && spread > threshold,
    recommendation:
      mean >= (grid.shortlistThreshold ?? DEFAULT_SHORTLIST_THRESHOLD)
        ? 'SHORTLISTED'
        : 'NOT_RETAINED',
  };
}

function roundToHundredths(value: number): number {
  return Math.round(value * 100) / 100;
}
