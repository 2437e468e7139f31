import { assertNever } from '../shared/assert-never';
import { hasReached } from '../time/instant';
import { DossierCommand } from './dossier.commands';
import {
  AWAITING_SCREENING,
  Dossier,
  DossierStatus,
  FollowUp,
  openClarification,
} from './dossier.state';

/** The decisions the ministry's operators take on a dossier (apps/api operator actions). */
export const OPERATOR_COMMANDS = [
  'OverrideEligibility',
  'RequestClarification',
  'RecordScreeningResult',
  'ScheduleConsultation',
  'CancelConsultation',
  'RecordConsultationOutcome',
  'PlanFollowUp',
  'CompleteFollowUp',
  'CloseDossier',
] as const satisfies readonly DossierCommand['type'][];
export type OperatorCommand = (typeof OPERATOR_COMMANDS)[number];

/**
 * The statuses in which each operator decision may be taken: the decider refuses it in any other
 * (`requireStatus`), and `allowedOperatorCommands` offers it in these only, so the console's forms
 * and the decider cannot disagree about a status.
 */
export const OPERATOR_COMMAND_STATUSES = {
  OverrideEligibility: ['NEEDS_REVIEW', 'ELIGIBLE', 'INELIGIBLE'],
  RequestClarification: [...AWAITING_SCREENING, 'UNDER_SCREENING'],
  RecordScreeningResult: ['UNDER_SCREENING'],
  ScheduleConsultation: ['SHORTLISTED', 'CONSULTATION_SCHEDULED'],
  CancelConsultation: ['CONSULTATION_SCHEDULED'],
  RecordConsultationOutcome: ['CONSULTATION_SCHEDULED'],
  PlanFollowUp: ['CONSULTED', 'FOLLOW_UP'],
  CompleteFollowUp: ['FOLLOW_UP'],
  CloseDossier: ['CONSULTED', 'FOLLOW_UP'],
  // Literal lists, so that `requireStatus` tells the compiler what the stage holds.
} as const satisfies Readonly<Record<OperatorCommand, readonly DossierStatus[]>>;

/** The follow-ups not done yet: closing waits for them. */
export function pendingFollowUps(dossier: Pick<Dossier, 'followUps'>): FollowUp[] {
  return dossier.followUps.filter((followUp) => followUp.completedAt === undefined);
}

/**
 * What an operator may decide about the dossier at `now`, in `OPERATOR_COMMANDS` order: the
 * status allows it, and what the decider checks of the dossier itself holds too — no other
 * clarification waiting for an answer, a consultation that has begun before its outcome, a
 * follow-up left to complete, none left before closing. What depends on the operator's input (a
 * date in the future, a reason) is the decider's alone to refuse.
 */
export function allowedOperatorCommands(
  dossier: Omit<Dossier, 'answers'>,
  now: Date,
): OperatorCommand[] {
  return OPERATOR_COMMANDS.filter(
    (command) =>
      (OPERATOR_COMMAND_STATUSES[command] as readonly DossierStatus[]).includes(dossier.status) &&
      stillPossible(command, dossier, now),
  );
}

function stillPossible(
  command: OperatorCommand,
  dossier: Omit<Dossier, 'answers'>,
  now: Date,
): boolean {
  switch (command) {
    case 'RequestClarification':
      return openClarification(dossier) === undefined;
    case 'RecordConsultationOutcome':
      return dossier.consultation !== undefined && hasReached(now, dossier.consultation.startsAt);
    case 'CompleteFollowUp':
      return pendingFollowUps(dossier).length > 0;
    case 'CloseDossier':
      return pendingFollowUps(dossier).length === 0;
    case 'OverrideEligibility':
    case 'RecordScreeningResult':
    case 'ScheduleConsultation':
    case 'CancelConsultation':
    case 'PlanFollowUp':
      return true;
    default:
      return assertNever(command);
  }
}
