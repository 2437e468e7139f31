import { DomainErrorCode } from '../../errors/domain-error-code';
import { OPERATOR_COMMAND_STATUSES, pendingFollowUps } from '../dossier.operator-commands';
import { refuse } from '../../errors/domain-error';
import { canonicalInstant, hasReached, instant, isInstant } from '../../time/instant';
import { CloseDossier, CompleteFollowUp, PlanFollowUp } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { Dossier } from '../dossier.state';
import { requireStatus, requireText } from './dossier-rules';

/** What is done after the consultation, and the closing of the dossier once it is all done. */

export function planFollowUp(command: PlanFollowUp, state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, OPERATOR_COMMAND_STATUSES.PlanFollowUp, 'planifier une action de suivi sur');
  const title = requireText(command.title, "L'intitulé de l'action est obligatoire.");
  const owner = requireText(command.owner, "Le responsable de l'action est obligatoire.");
  if (!isInstant(command.dueAt) || hasReached(now, command.dueAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, "L'échéance de l'action doit être dans le futur.");
  }
  if (state.followUps.some((f) => f.followUpId === command.followUpId)) {
    refuse(DomainErrorCode.FOLLOW_UP_ALREADY_EXISTS, `L'action ${command.followUpId} existe déjà.`);
  }
  return [
    {
      type: 'FollowUpPlanned',
      data: {
        followUpId: command.followUpId,
        title,
        owner,
        dueAt: canonicalInstant(command.dueAt),
        by: command.actor,
        plannedAt: instant(now),
      },
    },
  ];
}

export function completeFollowUp(
  command: CompleteFollowUp,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.CompleteFollowUp,
    'terminer une action de suivi de',
  );
  const followUp = state.followUps.find((f) => f.followUpId === command.followUpId);
  if (!followUp) {
    refuse(
      DomainErrorCode.FOLLOW_UP_NOT_FOUND,
      `Action de suivi inconnue : ${command.followUpId}.`,
    );
  }
  if (followUp.completedAt !== undefined) return [];
  return [
    {
      type: 'FollowUpCompleted',
      data: { followUpId: followUp.followUpId, by: command.actor, completedAt: instant(now) },
    },
  ];
}

export function closeDossier(command: CloseDossier, state: Dossier, now: Date): DossierEvent[] {
  requireStatus(state, OPERATOR_COMMAND_STATUSES.CloseDossier, 'clore');
  const pending = pendingFollowUps(state);
  if (pending.length > 0) {
    refuse(
      DomainErrorCode.FOLLOW_UPS_PENDING,
      `Des actions de suivi restent à faire : ${pending.map((f) => f.title).join(', ')}.`,
      { followUpIds: pending.map((f) => f.followUpId) },
    );
  }
  return [{ type: 'DossierClosed', data: { by: command.actor, closedAt: instant(now) } }];
}
