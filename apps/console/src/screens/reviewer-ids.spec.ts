import { loadByReviewer, parseReviewerIds } from './reviewer-ids';

describe('parseReviewerIds', () => {
  it('splits on commas, semicolons, spaces and new lines, each id once in the order typed', () => {
    expect(parseReviewerIds(' alice, bob;carole\n  dan alice ,, ')).toEqual([
      'alice',
      'bob',
      'carole',
      'dan',
    ]);
  });

  it('says in French what to correct', () => {
    expect(parseReviewerIds(' , ; ')).toBe('Indiquez au moins un identifiant d’évaluateur.');
    expect(parseReviewerIds(Array.from({ length: 51 }, (_, i) => `r${i}`).join(','))).toBe(
      'Au plus 50 évaluateurs à la fois (51 indiqués).',
    );
    expect(parseReviewerIds(`ok ${'x'.repeat(201)}`)).toMatch(
      /^Un identifiant d’évaluateur compte au plus 200 caractères/,
    );
  });
});

describe('loadByReviewer', () => {
  it('counts the dossiers each reviewer was given, those given none included', () => {
    expect(
      loadByReviewer(
        ['bob', 'alice', 'carole'],
        [
          { reviewerIds: ['alice', 'bob'] },
          { reviewerIds: ['alice'] },
          { reviewerIds: ['bob', 'alice'] },
        ],
      ),
    ).toEqual([
      { reviewerId: 'bob', dossiers: 2 },
      { reviewerId: 'alice', dossiers: 3 },
      { reviewerId: 'carole', dossiers: 0 },
    ]);
  });
});
