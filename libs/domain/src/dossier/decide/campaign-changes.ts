import { DomainErrorCode } from '../../errors/domain-error-code';
import { refuse } from '../../errors/domain-error';
import { canonicalInstant, instant, isInstant } from '../../time/instant';
import {
  ApplyEvaluationGrid,
  ApplyCampaignCalendar,
  CancelWithCampaign,
} from '../dossier.commands';
import { DossierEvent } from '../dossier.events';
import { Dossier, DossierStatus, dossierStatusesFrom, FINAL_STATUSES } from '../dossier.state';
import { requireStatus } from './dossier-rules';

/**
 * What the dossier's campaign imposes on it: its calendar's moves, its evaluation grid's changes,
 * its cancellation.
 */

export function applyCampaignCalendar(
  command: ApplyCampaignCalendar,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  if (!isInstant(command.submissionDeadline) || !isInstant(command.consultationsStartAt)) {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Dates de campagne invalides.');
  }
  const submissionDeadline = canonicalInstant(command.submissionDeadline);
  const consultationsStartAt = canonicalInstant(command.consultationsStartAt);
  const terms = state.terms;
  if (
    terms.submissionDeadline === submissionDeadline &&
    terms.consultationsStartAt === consultationsStartAt
  ) {
    return [];
  }
  return [
    {
      type: 'DossierCalendarUpdated',
      data: { submissionDeadline, consultationsStartAt, updatedAt: instant(now) },
    },
  ];
}

/**
 * Every status before the screening decision: an ineligible dossier may still be made eligible by
 * an operator, and then screened like the others.
 */
const GRID_UPDATE_STATUSES: readonly DossierStatus[] = dossierStatusesFrom(
  'DRAFT',
  'UNDER_SCREENING',
);

/**
 * The campaign's grid changed before its screening started: the dossier is to be scored on the
 * new one, and its own history says when its copy changed. The campaign refuses a change once its
 * screening has started; a dossier whose own screening started a moment earlier, at the same
 * deadline, takes the change as long as no reviewer has scored it: scores stay on the grid they
 * were given on.
 */
export function applyEvaluationGrid(
  command: ApplyEvaluationGrid,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  const grid = command.evaluationGrid;
  if (JSON.stringify(grid ?? null) === JSON.stringify(state.terms.evaluationGrid ?? null)) {
    return [];
  }
  requireStatus(state, GRID_UPDATE_STATUSES, "changer la grille d'évaluation de");
  if ((state.reviews ?? []).length > 0) {
    refuse(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      "Ce dossier est déjà noté sur sa grille d'évaluation : elle ne change plus pour lui.",
      { status: state.status },
    );
  }
  return [
    {
      type: 'DossierEvaluationGridUpdated',
      data: { evaluationGrid: grid, updatedAt: instant(now) },
    },
  ];
}

export function cancelWithCampaign(
  command: CancelWithCampaign,
  state: Dossier,
  now: Date,
): DossierEvent[] {
  if (FINAL_STATUSES.includes(state.status)) return [];
  return [
    { type: 'DossierCancelled', data: { reason: command.reason, cancelledAt: instant(now) } },
  ];
}
