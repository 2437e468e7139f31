import { DomainErrorCode } from '../../errors/domain-error-code';
import { OPERATOR_COMMAND_STATUSES } from '../dossier.operator-commands';
import { refuse } from '../../errors/domain-error';
import { hasReached, instant } from '../../time/instant';
import { RecordScreeningResult } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { Dossier } from '../dossier.state';
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
  return [
    {
      type: 'DossierScreened',
      data: {
        result: command.result,
        note: command.note?.trim() || null,
        by: command.actor,
        screenedAt: instant(now),
      },
    },
  ];
}
