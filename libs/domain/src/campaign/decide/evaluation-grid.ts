import { refusals } from '../../errors/refusals';
import { instant } from '../../time/instant';
import { ChangeEvaluationGrid } from '../campaign.commands';
import { CampaignEvent } from '../campaign.events';
import { Campaign, CampaignPhase } from '../campaign.state';
import { validateEvaluationGrid } from '../evaluation-grid.validation';
import { requirePhase } from './campaign-rules';

/**
 * The phases in which an administrator may still change the grid: every one before the screening
 * (issue 13). Dossiers created meanwhile hold a copy of the grid; the campaign's workflow tells
 * each of them of the change, and each takes the new grid as an event of its own
 * (`DossierEvaluationGridUpdated`), so that all are scored on the grid in force when the
 * screening starts. Once it has, reviewers may be scoring: the grid stays as it is.
 */
export const GRID_CHANGE_PHASES = [
  'DRAFT',
  'SCHEDULED',
  'OPEN',
  'SUBMISSIONS_CLOSED',
] as const satisfies readonly CampaignPhase[];

/** An administrator sets the evaluation grid, or removes it, until the screening starts. */
export function changeEvaluationGrid(
  command: ChangeEvaluationGrid,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  requirePhase(state, GRID_CHANGE_PHASES, "changer la grille d'évaluation de");
  const grid = command.evaluationGrid;
  if (grid) {
    const problems = validateEvaluationGrid(grid);
    if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
  }
  if (JSON.stringify(grid ?? null) === JSON.stringify(state.definition.evaluationGrid ?? null)) {
    return [];
  }
  return [
    {
      type: 'EvaluationGridChanged',
      data: { evaluationGrid: grid, by: command.actor, changedAt: instant(now) },
    },
  ];
}
