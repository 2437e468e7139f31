import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { EvaluationGrid, sameEvaluationGrid } from './evaluation-grid';

const grid = referenceCampaign.definition.evaluationGrid as EvaluationGrid;

/** The same grid with every object's keys in reverse order, as a jsonb column may give it back. */
function keysReversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(keysReversed) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, keysReversed(inner)]),
  ) as T;
}

describe('two copies of an evaluation grid', () => {
  it('are the same whatever the order of their keys', () => {
    const stored = keysReversed(grid);
    expect(JSON.stringify(stored)).not.toBe(JSON.stringify(grid));
    expect(sameEvaluationGrid(stored, grid)).toBe(true);
  });

  it('differ by a weight, a scale, a threshold or the criteria’s order', () => {
    const [first, second, ...others] = grid.criteria;
    expect(
      sameEvaluationGrid(grid, {
        ...grid,
        criteria: [{ ...first, weight: 99 }, second, ...others],
      }),
    ).toBe(false);
    expect(
      sameEvaluationGrid(grid, {
        ...grid,
        criteria: [{ ...first, scale: { min: 0, max: 10 } }, second, ...others],
      }),
    ).toBe(false);
    expect(sameEvaluationGrid(grid, { ...grid, shortlistThreshold: 19 })).toBe(false);
    expect(sameEvaluationGrid(grid, { ...grid, criteria: [second, first, ...others] })).toBe(false);
  });

  it('no grid is the same as no grid, held or read back as null', () => {
    expect(sameEvaluationGrid(undefined, null)).toBe(true);
    expect(sameEvaluationGrid(grid, null)).toBe(false);
  });
});
