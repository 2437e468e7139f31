import { refusals } from '../../errors/refusals';
import { instant } from '../../time/instant';
import { ChangeEvaluationGrid } from '../campaign.commands';
import { CampaignEvent } from '../campaign.events';
import { Campaign } from '../campaign.state';
import { validateEvaluationGrid } from '../evaluation-grid.validation';
import { requirePhase } from './campaign-rules';

/**
 * An administrator sets the evaluation grid, or removes it, while the campaign has not opened:
 * every dossier receives a copy of the grid at its creation and is scored on that copy, so a
 * grid changed once dossiers exist would have them scored on two grids. (Changing it up to the
 * screening would need each dossier told, as the calendar's changes are.)
 */
export function changeEvaluationGrid(
  command: ChangeEvaluationGrid,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  requirePhase(state, ['DRAFT', 'SCHEDULED'], "changer la grille d'évaluation de");
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
