import { refusals } from '../errors/refusals';
import { assertNever } from '../shared/assert-never';
import { Decider } from '../shared/decider';
import {
  applyCampaignCalendar,
  applyEvaluationGrid,
  cancelWithCampaign,
} from './decide/campaign-changes';
import {
  answerClarification,
  lapseClarification,
  requestClarification,
} from './decide/clarification';
import {
  cancelConsultation,
  declareUnavailability,
  recordConsultationOutcome,
  scheduleConsultation,
} from './decide/consultation';
import { overrideEligibility, recordEligibility } from './decide/eligibility';
import { closeDossier, completeFollowUp, planFollowUp } from './decide/follow-up';
import { issueDossierReminder } from './decide/reminder';
import { assignReviewers, declareConflictOfInterest, scoreDossier } from './decide/review';
import { recordScreeningResult, startDossierScreening } from './decide/screening';
import {
  acceptThemeSuggestion,
  rejectThemeSuggestion,
  removeThemeTag,
  tagPassage,
} from './decide/themes';
import {
  createDossierDraft,
  expireDraft,
  saveAnswers,
  submitDossier,
  withdrawDossier,
} from './decide/submission';
import { DossierCommand } from './dossier.commands';
import { DossierEvent } from './dossier.events';
import { evolveDossier } from './dossier.evolve';
import { DossierState, initialDossierState, isDossier } from './dossier.state';

export { dossierEventInstant } from './dossier.event-instant';
export { evolveDossier } from './dossier.evolve';

/**
 * The dossier's decider, in emmett's shape: `decide` only hands each command to the rule of its
 * own (in `decide/`, one file per part of the dossier's life), `evolve` folds the events.
 */
export const dossierDecider: Decider<DossierCommand, DossierEvent, DossierState> = {
  decide: decideDossier,
  evolve: evolveDossier,
  initialState: initialDossierState,
};

export function decideDossier(
  command: DossierCommand,
  state: DossierState,
  now: Date,
): DossierEvent[] {
  if (command.type === 'CreateDossierDraft') return createDossierDraft(command, state, now);
  if (!isDossier(state)) throw refusals.dossierNotFound();

  switch (command.type) {
    case 'SaveAnswers':
      return saveAnswers(command, state, now);
    case 'SubmitDossier':
      return submitDossier(state, now);
    case 'WithdrawDossier':
      return withdrawDossier(command, state, now);
    case 'ExpireDraft':
      return expireDraft(state, now);
    case 'RecordEligibility':
      return recordEligibility(command, state, now);
    case 'OverrideEligibility':
      return overrideEligibility(command, state, now);
    case 'StartDossierScreening':
      return startDossierScreening(state, now);
    case 'RecordScreeningResult':
      return recordScreeningResult(command, state, now);
    case 'RequestClarification':
      return requestClarification(command, state, now);
    case 'AnswerClarification':
      return answerClarification(command, state, now);
    case 'LapseClarification':
      return lapseClarification(command, state, now);
    case 'ScheduleConsultation':
      return scheduleConsultation(command, state, now);
    case 'CancelConsultation':
      return cancelConsultation(command, state, now);
    case 'RecordConsultationOutcome':
      return recordConsultationOutcome(command, state, now);
    case 'DeclareUnavailability':
      return declareUnavailability(command, state, now);
    case 'PlanFollowUp':
      return planFollowUp(command, state, now);
    case 'CompleteFollowUp':
      return completeFollowUp(command, state, now);
    case 'CloseDossier':
      return closeDossier(command, state, now);
    case 'ApplyCampaignCalendar':
      return applyCampaignCalendar(command, state, now);
    case 'ApplyEvaluationGrid':
      return applyEvaluationGrid(command, state, now);
    case 'CancelWithCampaign':
      return cancelWithCampaign(command, state, now);
    case 'IssueDossierReminder':
      return issueDossierReminder(command, state, now);
    case 'TagPassage':
      return tagPassage(command, state, now);
    case 'RemoveThemeTag':
      return removeThemeTag(command, state, now);
    case 'AcceptThemeSuggestion':
      return acceptThemeSuggestion(command, state, now);
    case 'RejectThemeSuggestion':
      return rejectThemeSuggestion(command, state, now);
    case 'AssignReviewers':
      return assignReviewers(command, state, now);
    case 'ScoreDossier':
      return scoreDossier(command, state, now);
    case 'DeclareConflictOfInterest':
      return declareConflictOfInterest(command, state, now);
    default:
      return assertNever(command);
  }
}
