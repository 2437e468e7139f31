import { DomainErrorCode } from '../../errors/domain-error-code';
import { OPERATOR_COMMAND_STATUSES } from '../dossier.operator-commands';
import { refuse } from '../../errors/domain-error';
import { instant } from '../../time/instant';
import { OverrideEligibility, RecordEligibility } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { Dossier } from '../dossier.state';
import { requireStatus, requireText } from './dossier-rules';

/** Whether a submitted dossier may be examined: the automatic check, then an operator's word. */

export function recordEligibility(
  command: RecordEligibility,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(state, ['SUBMITTED'], "enregistrer l'éligibilité de");
  return [
    {
      type: 'DossierEligibilityAssessed',
      data: {
        decision: command.decision,
        reasons: [...command.reasons],
        assessedAt: instant(now),
      },
    },
  ];
}

export function overrideEligibility(
  command: OverrideEligibility,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(state, OPERATOR_COMMAND_STATUSES.OverrideEligibility, "modifier l'éligibilité de");
  const reason = requireText(command.reason, "Une décision d'éligibilité doit être motivée.");
  const previous = state.eligibility.decision;
  if (previous === command.decision) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      `Le dossier est déjà ${command.decision === 'ELIGIBLE' ? 'éligible' : 'inéligible'}.`,
    );
  }
  return [
    {
      type: 'DossierEligibilityOverridden',
      data: {
        decision: command.decision,
        previous,
        reason,
        by: command.actor,
        overriddenAt: instant(now),
      },
    },
  ];
}
