import fc from 'fast-check';
import { assignReviewersAutomatically, DossierToAssign } from './reviewer-assignment';

const dossier = (organisationId: string, conflicted: string[] = [], assigned: string[] = []) => ({
  organisationId,
  assigned,
  conflicted,
});

/** Each reviewer's load once the assignments are added to what the dossiers had. */
function loads(
  reviewers: readonly string[],
  dossiers: readonly DossierToAssign[],
  added: ReturnType<typeof assignReviewersAutomatically>,
): number[] {
  return reviewers.map(
    (reviewer) =>
      dossiers.filter((d) => d.assigned.includes(reviewer)).length +
      added.filter((a) => a.reviewerIds.includes(reviewer)).length,
  );
}

const reviewersArb = fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'), {
  minLength: 1,
  maxLength: 7,
});

/** Dossiers each with some conflicts among the reviewers (and possibly a stranger's). */
const dossiersArb = (reviewers: string[]) =>
  fc
    .array(fc.subarray([...reviewers, 'autre'], { maxLength: Math.max(1, reviewers.length - 1) }), {
      minLength: 0,
      maxLength: 30,
    })
    .map((conflicts) => conflicts.map((conflicted, i) => dossier(`cnp-${i}`, conflicted)));

describe('automatic assignment of reviewers', () => {
  it('gives three dossiers two reviewers each out of three, each reviewer two dossiers', () => {
    expect(
      assignReviewersAutomatically({
        dossiers: [dossier('cnp-a'), dossier('cnp-b'), dossier('cnp-c')],
        reviewers: ['alice', 'bruno', 'claire'],
        perDossier: 2,
      }),
    ).toEqual([
      { organisationId: 'cnp-a', reviewerIds: ['alice', 'bruno'] },
      { organisationId: 'cnp-b', reviewerIds: ['claire', 'alice'] },
      { organisationId: 'cnp-c', reviewerIds: ['bruno', 'claire'] },
    ]);
  });

  it('never gives a reviewer a dossier they declared a conflict with', () => {
    expect(
      assignReviewersAutomatically({
        dossiers: [dossier('cnp-a', ['alice']), dossier('cnp-b')],
        reviewers: ['alice', 'bruno'],
        perDossier: 1,
      }),
    ).toEqual([
      { organisationId: 'cnp-a', reviewerIds: ['bruno'] },
      { organisationId: 'cnp-b', reviewerIds: ['alice'] },
    ]);
  });

  it('counts the reviewers already named, and their load', () => {
    expect(
      assignReviewersAutomatically({
        dossiers: [dossier('cnp-a', [], ['alice']), dossier('cnp-b', [], ['alice', 'bruno'])],
        reviewers: ['alice', 'bruno', 'claire'],
        perDossier: 2,
      }),
    ).toEqual([{ organisationId: 'cnp-a', reviewerIds: ['claire'] }]);
  });

  it('leaves a dossier short only when too few reviewers have no conflict with it', () => {
    expect(
      assignReviewersAutomatically({
        dossiers: [dossier('cnp-a', ['alice', 'bruno'])],
        reviewers: ['alice', 'bruno', 'claire'],
        perDossier: 2,
      }),
    ).toEqual([{ organisationId: 'cnp-a', reviewerIds: ['claire'] }]);
  });

  it('never assigns a conflicted reviewer, nor one twice, and never leaves a dossier short when enough reviewers exist', () => {
    fc.assert(
      fc.property(
        reviewersArb.chain((reviewers) =>
          fc.tuple(fc.constant(reviewers), dossiersArb(reviewers), fc.integer({ min: 1, max: 4 })),
        ),
        ([reviewers, dossiers, perDossier]) => {
          const added = assignReviewersAutomatically({ dossiers, reviewers, perDossier });
          for (const d of dossiers) {
            const given =
              added.find((a) => a.organisationId === d.organisationId)?.reviewerIds ?? [];
            const free = reviewers.filter((r) => !d.conflicted.includes(r)).length;
            if (given.some((r) => d.conflicted.includes(r))) return false;
            if (new Set(given).size !== given.length) return false;
            if (given.length !== Math.min(perDossier, free)) return false;
          }
          return true;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('balances the load: without conflicts, no reviewer has more than one dossier more than another', () => {
    fc.assert(
      fc.property(
        reviewersArb,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (reviewers, count, perDossier) => {
          const dossiers = Array.from({ length: count }, (_, i) => dossier(`cnp-${i}`));
          const added = assignReviewersAutomatically({ dossiers, reviewers, perDossier });
          const load = loads(reviewers, dossiers, added);
          return Math.max(...load) - Math.min(...load) <= 1;
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the same assignment whatever the order the dossiers and reviewers come in', () => {
    fc.assert(
      fc.property(
        reviewersArb.chain((reviewers) =>
          fc.tuple(fc.constant(reviewers), dossiersArb(reviewers), fc.integer({ min: 1, max: 3 })),
        ),
        ([reviewers, dossiers, perDossier]) => {
          const once = assignReviewersAutomatically({ dossiers, reviewers, perDossier });
          const again = assignReviewersAutomatically({
            dossiers: [...dossiers].reverse(),
            reviewers: [...reviewers].reverse(),
            perDossier,
          });
          expect(again).toEqual(once);
        },
      ),
      { numRuns: 300 },
    );
  });
});
