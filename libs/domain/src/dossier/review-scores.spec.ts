import fc from 'fast-check';
import { EvaluationGrid, WEIGHTED_SCORE_SCALE } from '../campaign/evaluation-grid';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { CriterionScore, summariseReviews, weightedScore } from './review-scores';

const grid = referenceCampaign.definition.evaluationGrid as EvaluationGrid;
const scoresOf = (...values: number[]): CriterionScore[] =>
  grid.criteria.map((criterion, index) => ({
    criterionId: criterion.id,
    score: values[index],
    comment: 'Argumenté.',
  }));

/** Grids of 1 to 6 criteria, each with its own weight and integer scale. */
const gridArb: fc.Arbitrary<EvaluationGrid> = fc
  .array(
    fc
      .record({
        weight: fc.integer({ min: 1, max: 10 }),
        min: fc.integer({ min: -5, max: 5 }),
        steps: fc.integer({ min: 1, max: 20 }),
      })
      .map(({ weight, min, steps }) => ({ weight, scale: { min, max: min + steps } })),
    { minLength: 1, maxLength: 6 },
  )
  .map((criteria) => ({
    criteria: criteria.map((criterion, index) => ({
      id: `critere-${index}`,
      label: `Critère ${index}`,
      description: 'Un critère.',
      ...criterion,
    })),
  }));

/** A grid and a complete review on it, every score on its criterion's scale. */
const reviewArb = (g: EvaluationGrid) =>
  fc.tuple(
    ...g.criteria.map((criterion) =>
      fc
        .integer({ min: criterion.scale.min, max: criterion.scale.max })
        .map((score) => ({ criterionId: criterion.id, score, comment: 'x' })),
    ),
  );

describe('the weighted score', () => {
  it('of the reference grid goes from 0 (all 1s) to 20 (all 5s), pertinence weighing 3 in 8', () => {
    expect(weightedScore(grid, scoresOf(1, 1, 1, 1))).toBe(0);
    expect(weightedScore(grid, scoresOf(5, 5, 5, 5))).toBe(20);
    expect(weightedScore(grid, scoresOf(5, 1, 1, 1))).toBe(7.5);
    expect(weightedScore(grid, scoresOf(3, 3, 3, 3))).toBe(10);
  });

  it('is none while a criterion is not scored: an incomplete review counts for nothing', () => {
    expect(weightedScore(grid, scoresOf(5, 5, 5, 5).slice(1))).toBeNull();
  });

  it('is always within its scale, whatever the grid and the scores on it', () => {
    fc.assert(
      fc.property(
        gridArb.chain((g) => fc.tuple(fc.constant(g), reviewArb(g))),
        ([g, review]) => {
          const score = weightedScore(g, review);
          return (
            score !== null && score >= WEIGHTED_SCORE_SCALE.min && score <= WEIGHTED_SCORE_SCALE.max
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('of several reviews lies between the lowest and the highest, their spread their distance', () => {
    fc.assert(
      fc.property(
        gridArb.chain((g) =>
          fc.tuple(fc.constant(g), fc.array(reviewArb(g), { minLength: 1, maxLength: 5 })),
        ),
        ([g, reviews]) => {
          const each = reviews.map((review) => weightedScore(g, review) as number);
          const summary = summariseReviews(g, reviews);
          const [low, high] = [Math.min(...each), Math.max(...each)];
          return (
            summary.reviewCount === reviews.length &&
            summary.weightedScore !== null &&
            summary.weightedScore >= low - 0.01 &&
            summary.weightedScore <= high + 0.01 &&
            (reviews.length < 2
              ? summary.spread === null
              : Math.abs((summary.spread ?? -1) - (high - low)) <= 0.02)
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the disagreement between reviewers', () => {
  it('is flagged above the grid’s threshold only (5 points out of 20 unless the grid says)', () => {
    const apart = (a: number[], b: number[], g = grid) =>
      summariseReviews(g, [scoresOf(...a), scoresOf(...b)]);
    // 10 and 15: five points apart, not above.
    expect(apart([3, 3, 3, 3], [4, 4, 4, 4])).toMatchObject({ spread: 5, disagreement: false });
    // 10 and 16.88 (pertinence at 5, the rest at 4).
    expect(apart([3, 3, 3, 3], [5, 4, 4, 4])).toMatchObject({ spread: 6.88, disagreement: true });
    expect(apart([3, 3, 3, 3], [5, 4, 4, 4], { ...grid, disagreementThreshold: 8 })).toMatchObject({
      disagreement: false,
    });
  });

  it('needs two reviews: one alone disagrees with nobody', () => {
    expect(summariseReviews(grid, [scoresOf(1, 1, 1, 1)])).toMatchObject({
      reviewCount: 1,
      spread: null,
      disagreement: false,
      recommendation: 'NOT_RETAINED',
    });
  });
});
