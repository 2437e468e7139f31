import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { validateCampaignDefinition } from './campaign-definition.validation';
import { EvaluationCriterion } from './evaluation-grid';
import { validateEvaluationGrid } from './evaluation-grid.validation';

const criterion = (overrides: Partial<EvaluationCriterion> = {}): EvaluationCriterion => ({
  id: 'faisabilite',
  label: 'Faisabilité',
  description: 'Les propositions sont réalisables.',
  weight: 2,
  scale: { min: 1, max: 5 },
  ...overrides,
});

describe('an evaluation grid', () => {
  it('of the reference campaign scores its four criteria from 1 to 5, pertinence weighing most', () => {
    const grid = referenceCampaign.definition.evaluationGrid;
    expect(grid && validateEvaluationGrid(grid)).toEqual([]);
    expect(
      grid?.criteria.map(({ id, weight, scale }) => [id, weight, scale.min, scale.max]),
    ).toEqual([
      ['pertinence', 3, 1, 5],
      ['representativite', 2, 1, 5],
      ['faisabilite', 2, 1, 5],
      ['portee-transversale', 1, 1, 5],
    ]);
  });

  it('is optional: a campaign without one is valid, and offers no reviews', () => {
    const { evaluationGrid: _grid, ...withoutGrid } = referenceCampaign.definition;
    expect(validateCampaignDefinition(withoutGrid)).toEqual([]);
  });

  it('refuses two criteria with one identifier', () => {
    expect(validateEvaluationGrid({ criteria: [criterion(), criterion()] })).toEqual([
      { path: 'evaluationGrid.criteria[1].id', message: 'Critère en double : « faisabilite ».' },
    ]);
  });

  it('refuses a grid without criteria', () => {
    expect(validateEvaluationGrid({ criteria: [] }).map((p) => p.path)).toEqual([
      'evaluationGrid.criteria',
    ]);
  });

  it('refuses a weight that is not a positive integer', () => {
    for (const weight of [0, -1, 1.5]) {
      expect(validateEvaluationGrid({ criteria: [criterion({ weight })] })).toEqual([
        {
          path: 'evaluationGrid.criteria[0].weight',
          message: 'Le poids du critère « faisabilite » est un entier positif.',
        },
      ]);
    }
  });

  it('refuses a scale that is not integers, is upside down, or has too many steps', () => {
    for (const scale of [
      { min: 0.5, max: 5 },
      { min: 5, max: 5 },
      { min: 5, max: 1 },
      { min: 0, max: 1000 },
    ]) {
      expect(
        validateEvaluationGrid({ criteria: [criterion({ scale })] }).map((p) => p.path),
      ).toEqual(['evaluationGrid.criteria[0].scale']);
    }
  });

  it('refuses a blank label or description, and an identifier that is not a key', () => {
    expect(
      validateEvaluationGrid({
        criteria: [criterion({ id: 'Faisabilité', label: ' ', description: '' })],
      }).map((p) => p.path),
    ).toEqual([
      'evaluationGrid.criteria[0].id',
      'evaluationGrid.criteria[0].label',
      'evaluationGrid.criteria[0].description',
    ]);
  });

  it('refuses thresholds off the weighted score scale (0 to 20)', () => {
    expect(
      validateEvaluationGrid({
        criteria: [criterion()],
        disagreementThreshold: 0,
        shortlistThreshold: 21,
      }).map((p) => p.path),
    ).toEqual(['evaluationGrid.disagreementThreshold', 'evaluationGrid.shortlistThreshold']);
  });

  it('is checked with the rest of the campaign definition', () => {
    const problems = validateCampaignDefinition({
      ...referenceCampaign.definition,
      evaluationGrid: { criteria: [criterion({ weight: 0 })] },
    });
    expect(problems.map((p) => p.path)).toEqual(['evaluationGrid.criteria[0].weight']);
  });
});
