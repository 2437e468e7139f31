import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { deInfinitive } from '../../shared/de-infinitive';
import { deadlineInWords, formatWithZone } from '../../time/display';
import { hasReached } from '../../time/instant';
import { STATUS_LABELS } from '../dossier.labels';
import {
  Clarification,
  Dossier,
  DossierIn,
  DossierStatus,
  openClarification,
} from '../dossier.state';

/** The guards the dossier's decisions share: each refuses with the rule's code and French text. */

export function requireStatus<S extends DossierStatus>(
  state: Dossier,
  statuses: readonly S[],
  action: string,
): asserts state is DossierIn<S> {
  if (!statuses.some((status) => status === state.status)) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      `Impossible ${deInfinitive(action)} ce dossier : il est ${STATUS_LABELS[state.status]}.`,
      { status: state.status },
    );
  }
}

export function requireBeforeDeadline(state: Dossier, now: Date, participle: string): void {
  if (hasReached(now, state.terms.submissionDeadline)) {
    refuse(
      DomainErrorCode.SUBMISSION_DEADLINE_PASSED,
      `Les dossiers étaient à déposer ${deadlineInWords(state.terms.submissionDeadline, state.terms.timeZone)} : ` +
        `le dossier ne peut plus être ${participle}.`,
    );
  }
}

/**
 * A draft expires because its deadline passed: that, not its status, is what its organisation
 * must hear when it still tries to submit or save (issue 10, fault 12(a)).
 */
export function requireDeadlineIfExpired(state: Dossier, now: Date, participle: string): void {
  if (state.status === 'EXPIRED') requireBeforeDeadline(state, now, participle);
}

export function requireOpenClarification(state: Dossier, clarificationId: string): Clarification {
  const clarification = openClarification(state);
  if (!clarification || clarification.clarificationId !== clarificationId) {
    refuse(
      DomainErrorCode.CLARIFICATION_NOT_FOUND,
      `Aucune demande de précisions ${clarificationId} n'attend de réponse.`,
    );
  }
  return clarification;
}

export function requireText(value: string, message: string): string {
  const text = value.trim();
  if (text === '') refuse(DomainErrorCode.INVALID_COMMAND, message);
  return text;
}

/** An instant as the dossier's organisation reads it, in its campaign's zone. */
export function shown(state: Dossier, moment: string): string {
  return formatWithZone(moment, state.terms.timeZone);
}
