import { EvaluationGrid } from '../../campaign/evaluation-grid';
import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { instant } from '../../time/instant';
import { AssignReviewers, DeclareConflictOfInterest, ScoreDossier } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { REVIEW_ASSIGNMENT_STATUSES, SCORING_STATUSES } from '../dossier.reviews';
import { Dossier } from '../dossier.state';
import { CriterionScore, weightedScore } from '../review-scores';
import { requireStatus, requireText } from './dossier-rules';

/**
 * Reviews of a dossier on its campaign's evaluation grid (issue 13, item 2): operators are named
 * its reviewers, each scores every criterion with a comment and may change it until the screening
 * decision, and a reviewer with a conflict of interest with the organisation steps aside for good.
 */

export function assignReviewers(
  command: AssignReviewers,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireGrid(state);
  requireStatus(state, REVIEW_ASSIGNMENT_STATUSES, 'nommer les évaluateurs de');
  const requested = [...new Set(command.reviewerIds.map((id) => id.trim()))];
  if (requested.length === 0 || requested.includes('')) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Nommez au moins un évaluateur.');
  }
  const conflicted = requested.filter((id) =>
    (state.conflicts ?? []).some((conflict) => conflict.reviewerId === id),
  );
  if (conflicted.length > 0) {
    refuse(
      DomainErrorCode.REVIEWER_CONFLICTED,
      `${conflicted.join(', ')} a déclaré un conflit d'intérêts avec cette organisation : impossible de lui confier ce dossier.`,
      { reviewerIds: conflicted },
    );
  }
  const added = requested.filter((id) => !(state.reviewers ?? []).includes(id));
  // Naming again who already reviews changes nothing: a retried request appends nothing.
  if (added.length === 0) return [];
  return [
    {
      type: 'ReviewersAssigned',
      data: { reviewerIds: added, by: command.actor, assignedAt: instant(now) },
    },
  ];
}

export function scoreDossier(command: ScoreDossier, state: Dossier, now: Date): DossierEvent[] {
  const grid = requireGrid(state);
  requireStatus(state, SCORING_STATUSES, 'noter');
  const reviewerId = command.actor.id;
  if (!(state.reviewers ?? []).includes(reviewerId)) {
    refuse(
      DomainErrorCode.REVIEWER_NOT_ASSIGNED,
      "Vous n'êtes pas évaluateur de ce dossier : seuls les évaluateurs désignés le notent.",
    );
  }
  const scores = checkedScores(grid, command.scores);
  const previous = (state.reviews ?? []).find((review) => review.reviewerId === reviewerId);
  // The same scores sent again (a retried request) are already recorded.
  if (previous && JSON.stringify(previous.scores) === JSON.stringify(scores)) return [];
  return [
    {
      type: 'DossierScored',
      data: {
        reviewerId,
        scores,
        // Complete by construction: every criterion has its score.
        weightedScore: weightedScore(grid, scores) ?? 0,
        scoredAt: instant(now),
      },
    },
  ];
}

export function declareConflictOfInterest(
  command: DeclareConflictOfInterest,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireGrid(state);
  requireStatus(state, REVIEW_ASSIGNMENT_STATUSES, "déclarer un conflit d'intérêts sur");
  const reason = requireText(command.reason, "Dites en quoi consiste le conflit d'intérêts.");
  const reviewerId = command.actor.id;
  if ((state.conflicts ?? []).some((conflict) => conflict.reviewerId === reviewerId)) return [];
  return [
    {
      type: 'ConflictOfInterestDeclared',
      data: { reviewerId, reason, declaredAt: instant(now) },
    },
  ];
}

function requireGrid(state: Dossier): EvaluationGrid {
  const grid = state.terms.evaluationGrid;
  if (!grid) {
    refuse(
      DomainErrorCode.NO_EVALUATION_GRID,
      "La campagne de ce dossier n'a pas de grille d'évaluation : ses dossiers ne sont pas notés.",
    );
  }
  return grid;
}

/**
 * Every criterion of the grid scored once, by an integer on its scale, with a comment; in the
 * grid's order, comments trimmed, so that the recorded review reads like the grid.
 */
function checkedScores(grid: EvaluationGrid, scores: readonly CriterionScore[]): CriterionScore[] {
  const known = new Set(grid.criteria.map((criterion) => criterion.id));
  const unknown = scores.filter((score) => !known.has(score.criterionId));
  if (unknown.length > 0) {
    refuse(
      DomainErrorCode.INVALID_COMMAND,
      `Critère inconnu de la grille : ${unknown.map((s) => s.criterionId).join(', ')}.`,
    );
  }
  return grid.criteria.map((criterion) => {
    const given = scores.filter((score) => score.criterionId === criterion.id);
    if (given.length !== 1) {
      refuse(
        DomainErrorCode.INVALID_COMMAND,
        given.length === 0
          ? `Le critère « ${criterion.label} » n'est pas noté : chaque critère de la grille l'est.`
          : `Le critère « ${criterion.label} » est noté deux fois.`,
        { criterionId: criterion.id },
      );
    }
    const [{ score, comment }] = given;
    const { min, max } = criterion.scale;
    if (!Number.isInteger(score) || score < min || score > max) {
      refuse(
        DomainErrorCode.INVALID_COMMAND,
        `La note du critère « ${criterion.label} » est un entier de ${min} à ${max}.`,
        { criterionId: criterion.id },
      );
    }
    const text = requireText(
      comment,
      `Le critère « ${criterion.label} » a besoin d'un commentaire qui justifie sa note.`,
    );
    return { criterionId: criterion.id, score, comment: text };
  });
}
