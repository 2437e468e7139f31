import { DomainErrorCode } from '../../errors/domain-error-code';
import { OPERATOR_COMMAND_STATUSES } from '../dossier.operator-commands';
import { refuse } from '../../errors/domain-error';
import { hasReached, instant } from '../../time/instant';
import { RecordScreeningResult } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { Dossier } from '../dossier.state';
import { dossierReviewSummary } from '../dossier.reviews';
import { requireStatus, shown } from './dossier-rules';

/** The examination of an eligible dossier, once its organisation may no longer amend it. */

export function startDossierScreening(state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, ['ELIGIBLE'], 'examiner');
  // Until the deadline the organisation may still amend: the screening starts at it.
  if (!hasReached(now, state.terms.submissionDeadline)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `Le dossier peut être modifié jusqu'au ${shown(state, state.terms.submissionDeadline)} : son examen commence ensuite.`,
    );
  }
  return [{ type: 'DossierScreeningStarted', data: { startedAt: instant(now) } }];
}

export function recordScreeningResult(
  command: RecordScreeningResult,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.RecordScreeningResult,
    "enregistrer le résultat de l'examen de",
  );
  const note = command.note?.trim() || null;
  const reviews = dossierReviewSummary(state);
  const scored = reviews !== null && reviews.weightedScore !== null;
  const againstScores = scored && reviews.recommendation !== command.result;
  // The decision stays the operator's, but one against the reviewers' scores says why (issue 13).
  if (againstScores && note === null) {
    refuse(
      DomainErrorCode.DECISION_AGAINST_SCORES_UNEXPLAINED,
      `Les évaluateurs ont noté ce dossier ${frenchScore(reviews.weightedScore ?? 0)} sur 20, ce qui ${
        reviews.recommendation === 'SHORTLISTED'
          ? 'plaide pour sa présélection'
          : 'ne plaide pas pour sa présélection'
      } : une décision contraire doit être motivée dans la note.`,
      { weightedScore: reviews.weightedScore, recommendation: reviews.recommendation },
    );
  }
  return [
    {
      type: 'DossierScreened',
      data: {
        result: command.result,
        note,
        by: command.actor,
        screenedAt: instant(now),
        // Only when reviewers scored: the events of campaigns without reviews keep their shape.
        ...(scored && { weightedScore: reviews.weightedScore ?? 0, againstScores }),
      },
    },
  ];
}

function frenchScore(score: number): string {
  return score.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}
