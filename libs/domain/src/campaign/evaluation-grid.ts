/**
 * A campaign's evaluation grid: the criteria its reviewers score each dossier on, with their
 * weights and scales (issue 13, item 1). Data in the campaign file, like everything else about a
 * campaign; a campaign without one offers no reviews.
 */
export interface EvaluationCriterion {
  /** Stable identifier, lower-case words joined by hyphens (`faisabilite`). */
  readonly id: string;
  /** What reviewers read, in French (« Faisabilité »). */
  readonly label: string;
  /** What the criterion asks of the answer, in one or two French sentences. */
  readonly description: string;
  /** Its share of the weighted score: a positive integer, relative to the others' weights. */
  readonly weight: number;
  /** The integer scores a reviewer may give, from `min` to `max` inclusive. */
  readonly scale: { readonly min: number; readonly max: number };
}

export interface EvaluationGrid {
  readonly criteria: readonly EvaluationCriterion[];
  /**
   * Above this spread between two reviewers' weighted scores (points out of
   * `WEIGHTED_SCORE_SCALE.max`), a dossier is flagged for discussion. Default
   * `DEFAULT_DISAGREEMENT_THRESHOLD`.
   */
  readonly disagreementThreshold?: number;
  /**
   * From this weighted score (points out of `WEIGHTED_SCORE_SCALE.max`) the scores speak for
   * shortlisting; below it, for not retaining. A decision the other way needs a reason. Default
   * `DEFAULT_SHORTLIST_THRESHOLD`.
   */
  readonly shortlistThreshold?: number;
}

/**
 * Weighted scores are on one scale whatever the criteria's own scales: each score is placed
 * between its criterion's minimum (0) and maximum (1), then the weighted mean is given out of 20,
 * the scale French administrations grade on.
 */
export const WEIGHTED_SCORE_SCALE = { min: 0, max: 20 } as const;

/** A quarter of the scale: two reviewers five points apart out of twenty should talk. */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 5;

/** The middle of the scale. */
export const DEFAULT_SHORTLIST_THRESHOLD = 10;

/** Largest scale a criterion may have: more steps than people can tell apart is noise. */
export const MAX_SCALE_STEPS = 100;

/**
 * Whether two copies of a grid say the same, whatever the order of their objects' keys: a grid
 * read back from the store (PostgreSQL's jsonb orders keys its own way) against a dossier's copy
 * taken from the campaign's events. The criteria's order counts: it is the order reviewers see.
 */
export function sameEvaluationGrid(
  a: EvaluationGrid | null | undefined,
  b: EvaluationGrid | null | undefined,
): boolean {
  return keysSortedJson(a ?? null) === keysSortedJson(b ?? null);
}

function keysSortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
