import { EvaluationGrid } from '../campaign/evaluation-grid';
import { DossierEventType } from './dossier.events';
import { Dossier, DossierStatus, AWAITING_SCREENING } from './dossier.state';
import { ReviewSummary, summariseReviews } from './review-scores';

/**
 * Where reviewers are named and conflicts declared: from submission until the screening decision
 * (once decided, a dossier's reviews are history).
 */
export const REVIEW_ASSIGNMENT_STATUSES: readonly DossierStatus[] = [
  ...AWAITING_SCREENING,
  'UNDER_SCREENING',
];

/**
 * Where reviewers score: under screening only, when the answers can no longer change (the
 * organisation amends until the deadline) and until the screening decision.
 */
export const SCORING_STATUSES = ['UNDER_SCREENING'] as const satisfies readonly DossierStatus[];

/** The dossiers automatic assignment gives reviewers to: those that will be screened. */
export const AUTOMATIC_ASSIGNMENT_STATUSES: readonly DossierStatus[] = [
  'ELIGIBLE',
  'UNDER_SCREENING',
];

/** The dossier's reviews against its grid; null when its campaign offers no reviews. */
export function dossierReviewSummary(
  dossier: Pick<Dossier, 'terms' | 'reviews'>,
): (ReviewSummary & { readonly grid: EvaluationGrid }) | null {
  const grid = dossier.terms.evaluationGrid;
  if (!grid) return null;
  return {
    grid,
    ...summariseReviews(
      grid,
      (dossier.reviews ?? []).map((r) => r.scores),
    ),
  };
}

/**
 * The events of the ministry's deliberation — who reviews, their scores and comments, their
 * conflicts of interest, the grid they score on — which the organisation's view of its dossier's timeline leaves out.
 */
export const REVIEW_EVENT_TYPES: readonly DossierEventType[] = [
  'ReviewersAssigned',
  'DossierScored',
  'ConflictOfInterestDeclared',
  'DossierEvaluationGridUpdated',
];
