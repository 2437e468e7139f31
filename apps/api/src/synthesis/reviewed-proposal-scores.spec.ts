import { EvaluationGrid } from '@amiflow/domain';
import { ReviewedDossierRow } from '@amiflow/persistence';
import { bestProposals } from './best-proposals';
import { scoredProposal } from './reviewed-proposal-scores';

// The reference grid's weights (pertinence ×3, faisabilité ×1), each scored 1–5.
const grid: EvaluationGrid = {
  criteria: [
    {
      id: 'pertinence',
      label: 'Pertinence',
      description: '…',
      weight: 3,
      scale: { min: 1, max: 5 },
    },
    {
      id: 'faisabilite',
      label: 'Faisabilité',
      description: '…',
      weight: 1,
      scale: { min: 1, max: 5 },
    },
  ],
};

const review = (reviewerId: string, pertinence: number, faisabilite: number, comment = '') => ({
  reviewerId,
  scores: [
    { criterionId: 'pertinence', score: pertinence, comment },
    { criterionId: 'faisabilite', score: faisabilite, comment: '' },
  ],
  weightedScore: 0,
  scoredAt: '2026-11-30T08:00:00.000Z',
});

const row = (
  organisationId: string,
  reviews: ReviewedDossierRow['reviews'],
): ReviewedDossierRow => ({
  organisationId,
  organisationName: `CNP ${organisationId}`,
  profession: 'radiologie',
  grid,
  reviews,
});

describe('a reviewed dossier as a proposal', () => {
  it('takes the mean of the reviewers’ weighted scores, and their comments with the criterion', () => {
    // Alice 5,5 → 20; Bruno 3,1 → (3 × 0.5 + 0) / 4 × 20 = 7.5; mean 13.75.
    expect(
      scoredProposal(
        row('a', [review('alice', 5, 5, ' Très pertinent. '), review('bruno', 3, 1, 'Vague.')]),
      ),
    ).toEqual({
      organisationId: 'a',
      organisationName: 'CNP a',
      profession: 'radiologie',
      weightedScore: 13.75,
      comments: ['Pertinence : Très pertinent.', 'Pertinence : Vague.'],
    });
  });

  it('ignores the stored per-review score and computes it from the scores on the grid', () => {
    expect(scoredProposal(row('a', [review('alice', 1, 1)]))?.weightedScore).toBe(0);
  });

  it('leaves out a dossier with no complete review, or without a grid', () => {
    const incomplete = { ...review('alice', 5, 5), scores: [review('alice', 5, 5).scores[0]] };
    expect(scoredProposal(row('a', [incomplete]))).toBeNull();
    expect(scoredProposal({ ...row('a', [review('alice', 5, 5)]), grid: null })).toBeNull();
  });

  it('ranks best first, ties by organisation id', () => {
    const proposals = [
      row('c', [review('alice', 3, 3)]),
      row('a', [review('alice', 5, 5)]),
      row('b', [review('alice', 3, 3)]),
    ].map((r) => scoredProposal(r)!);
    expect(bestProposals(proposals, 2).map((p) => [p.organisationId, p.weightedScore])).toEqual([
      ['a', 20],
      ['b', 10],
    ]);
  });
});
