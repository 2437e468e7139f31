import { DomainErrorCode } from '../../errors/domain-error-code';
import { OPERATOR_COMMAND_STATUSES } from '../dossier.operator-commands';
import { refuse } from '../../errors/domain-error';
import { canonicalInstant, hasReached, instant, isInstant } from '../../time/instant';
import { AnswerClarification, LapseClarification, RequestClarification } from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { STATUS_LABELS } from '../dossier.labels';
import { Dossier, FINAL_STATUSES, openClarification } from '../dossier.state';
import { requireOpenClarification, requireStatus, requireText, shown } from './dossier-rules';

/** A question an operator asks the organisation: one open at a time, answered or lapsed. */

export function requestClarification(
  command: RequestClarification,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  requireStatus(
    state,
    OPERATOR_COMMAND_STATUSES.RequestClarification,
    'demander des précisions sur',
  );
  const question = requireText(command.question, 'La question ne peut pas être vide.');
  if (!isInstant(command.dueAt) || hasReached(now, command.dueAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, "L'échéance de réponse doit être dans le futur.");
  }
  const open = openClarification(state);
  if (open) {
    refuse(
      DomainErrorCode.CLARIFICATION_ALREADY_OPEN,
      `Une demande de précisions attend déjà une réponse jusqu'au ${shown(state, open.dueAt)}.`,
    );
  }
  if (state.clarifications.some((c) => c.clarificationId === command.clarificationId)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Cet identifiant de demande est déjà utilisé.');
  }
  return [
    {
      type: 'ClarificationRequested',
      data: {
        clarificationId: command.clarificationId,
        question,
        dueAt: canonicalInstant(command.dueAt),
        by: command.actor,
        requestedAt: instant(now),
      },
    },
  ];
}

export function answerClarification(
  command: AnswerClarification,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  if (FINAL_STATUSES.includes(state.status)) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      `Ce dossier est ${STATUS_LABELS[state.status]} : il n'attend plus de précisions.`,
    );
  }
  const clarification = requireOpenClarification(state, command.clarificationId);
  if (hasReached(now, clarification.dueAt)) {
    refuse(
      DomainErrorCode.CLARIFICATION_OVERDUE,
      `L'échéance de réponse était le ${shown(state, clarification.dueAt)}.`,
    );
  }
  const answer = requireText(command.answer, 'La réponse ne peut pas être vide.');
  return [
    {
      type: 'ClarificationAnswered',
      data: { clarificationId: clarification.clarificationId, answer, answeredAt: instant(now) },
    },
  ];
}

export function lapseClarification(
  command: LapseClarification,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  const clarification = requireOpenClarification(state, command.clarificationId);
  if (!hasReached(now, clarification.dueAt)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `La demande de précisions reste ouverte jusqu'au ${shown(state, clarification.dueAt)}.`,
    );
  }
  return [
    {
      type: 'ClarificationLapsed',
      data: { clarificationId: clarification.clarificationId, lapsedAt: instant(now) },
    },
  ];
}
