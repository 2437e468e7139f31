import { DomainErrorCode } from '../errors/domain-error-code';
import { DossierCommand } from './dossier.commands';
import { AWAITING_SCREENING, DossierState, DossierStatus, isDossier } from './dossier.state';

/**
 * Where the organisation may still submit or amend its dossier, before the deadline: a moved
 * deadline concerns these dossiers (issue 10, fault 2), and only these.
 */
export const MAY_STILL_AMEND: readonly DossierStatus[] = ['DRAFT', ...AWAITING_SCREENING];

/**
 * Whether a dossier in `state` may still submit or amend, so that a moved deadline concerns it.
 */
export function mayStillAmend(state: DossierState): boolean {
  return isDossier(state) && MAY_STILL_AMEND.includes(state.status);
}

/**
 * Refusals that a fresher copy of the campaign's calendar may overturn (a deadline extended, the
 * consultations' start brought forward): a workflow's update validator lets them through, so the
 * command is decided on the calendar confirmed from the store (issue 10, fault 1).
 */
export const CALENDAR_REFUSALS: readonly string[] = [
  DomainErrorCode.SUBMISSION_DEADLINE_PASSED,
  DomainErrorCode.TOO_EARLY,
];

/**
 * Whether the command is decided on one of the campaign's dates the dossier holds a copy of: the
 * deadline (submitting, amending, expiring a draft, starting the screening, a reminder of the
 * deadline) or the consultations' start (fixing a consultation). Before deciding such a command, a
 * dossier confirms its copy against the calendar in force (issue 10, fault 1).
 */
export function decidedOnCampaignDates(command: DossierCommand, state: DossierState): boolean {
  switch (command.type) {
    case 'SubmitDossier':
    case 'SaveAnswers':
    case 'ExpireDraft':
    case 'StartDossierScreening':
    case 'ScheduleConsultation':
      return true;
    case 'IssueDossierReminder':
      return (
        isDossier(state) &&
        state.terms.reminders.some(
          (rule) => rule.id === command.ruleId && rule.kind === 'DEADLINE_REMINDER',
        )
      );
    default:
      return false;
  }
}
