import { DefinitionProblem } from './definition-problem';
import { EvaluationGrid, WEIGHTED_SCORE_SCALE, MAX_SCALE_STEPS } from './evaluation-grid';

const CRITERION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * What a grid must be for its weighted score to mean something: at least one criterion, ids
 * unique, weights positive integers, each scale integers with its minimum below its maximum, and
 * the thresholds on the weighted score's scale. Every problem at once, in French, under `path`.
 */
export function validateEvaluationGrid(
  grid: EvaluationGrid,
  path = 'evaluationGrid',
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (at: string, message: string) => problems.push({ path: at, message });
  if (grid.criteria.length === 0) {
    add(`${path}.criteria`, "La grille d'évaluation a au moins un critère.");
  }
  const seen = new Set<string>();
  grid.criteria.forEach((criterion, index) => {
    const at = `${path}.criteria[${index}]`;
    if (!CRITERION_ID.test(criterion.id)) {
      add(
        `${at}.id`,
        `Identifiant de critère invalide : « ${criterion.id} » (minuscules, chiffres et tirets).`,
      );
    } else if (seen.has(criterion.id)) {
      add(`${at}.id`, `Critère en double : « ${criterion.id} ».`);
    }
    seen.add(criterion.id);
    if (criterion.label.trim() === '') add(`${at}.label`, 'Le libellé du critère est obligatoire.');
    if (criterion.description.trim() === '') {
      add(`${at}.description`, 'La description du critère est obligatoire.');
    }
    if (!Number.isInteger(criterion.weight) || criterion.weight < 1) {
      add(`${at}.weight`, `Le poids du critère « ${criterion.id} » est un entier positif.`);
    }
    const { min, max } = criterion.scale;
    if (!Number.isInteger(min) || !Number.isInteger(max)) {
      add(`${at}.scale`, `L'échelle du critère « ${criterion.id} » va d'un entier à un entier.`);
    } else if (min >= max) {
      add(
        `${at}.scale`,
        `L'échelle du critère « ${criterion.id} » va d'un minimum à un maximum plus grand.`,
      );
    } else if (max - min > MAX_SCALE_STEPS) {
      add(
        `${at}.scale`,
        `L'échelle du critère « ${criterion.id} » a au plus ${MAX_SCALE_STEPS} échelons.`,
      );
    }
  });
  const onScale = (value: number | undefined) =>
    value === undefined ||
    (Number.isFinite(value) &&
      value >= WEIGHTED_SCORE_SCALE.min &&
      value <= WEIGHTED_SCORE_SCALE.max);
  if (!onScale(grid.disagreementThreshold) || grid.disagreementThreshold === 0) {
    add(
      `${path}.disagreementThreshold`,
      `Le seuil de désaccord est un écart de notes entre 0 (exclu) et ${WEIGHTED_SCORE_SCALE.max}.`,
    );
  }
  if (!onScale(grid.shortlistThreshold)) {
    add(
      `${path}.shortlistThreshold`,
      `Le seuil de présélection est une note entre ${WEIGHTED_SCORE_SCALE.min} et ${WEIGHTED_SCORE_SCALE.max}.`,
    );
  }
  return problems;
}
