// The reviews as a specification, over 300 lines on purpose: assignment, scoring, the weighted
// score, disagreement and a decision against the scores, read from top to bottom as the rules.
import { DomainErrorCode } from '../errors/domain-error-code';
import { EvaluationGrid } from '../campaign/evaluation-grid';
import { Actor } from '../shared/actor';
import {
  referenceDossierSteps as steps,
  referenceDossierTerms,
  DossierStep,
} from '../testing/reference-dossier';
import { specification } from '../testing/decider-specification';
import { DossierCommand } from './dossier.commands';
import { dossierDecider } from './dossier.decider';
import { DossierEvent } from './dossier.events';
import { dossierReviewSummary } from './dossier.reviews';
import { isDossier } from './dossier.state';

// Reviews of the CNP de radiologie's dossier on the reference grid (pertinence ×3,
// représentativité ×2, faisabilité ×2, portée transversale ×1, each 1–5), under screening from
// 18 Nov 2019. Weighted scores are out of 20.

const { given, recorded } = specification(dossierDecider);

const operator: Actor = { id: 'operator-1', role: 'operator' };
const alice: Actor = { id: 'alice', role: 'operator' };
const bruno: Actor = { id: 'bruno', role: 'operator' };
const claire: Actor = { id: 'claire', role: 'operator' };

const at = (iso: string) => ({ at: iso });
const step = ([command, instant]: DossierStep): [DossierCommand, { at: string }] => [
  command,
  at(instant),
];

const underScreening = recorded(
  ...[steps.create, steps.submit, steps.assess('ELIGIBLE'), steps.startScreening].map(step),
);
const shortlisted = after(underScreening, step(steps.shortlist));
const assign = (...reviewers: Actor[]): DossierCommand => ({
  type: 'AssignReviewers',
  reviewerIds: reviewers.map((r) => r.id),
  actor: operator,
});
/** The same score on every criterion, with a comment. */
const scoreAll = (reviewer: Actor, score: number): DossierCommand => ({
  type: 'ScoreDossier',
  scores: ['pertinence', 'representativite', 'faisabilite', 'portee-transversale'].map(
    (criterionId) => ({ criterionId, score, comment: `Noté ${score}.` }),
  ),
  actor: reviewer,
});
const onNov19 = at('2019-11-19T09:00:00.000Z');
const onNov20 = at('2019-11-20T09:00:00.000Z');

/** The history after these commands, each decided on the one before. */
function after(history: DossierEvent[], ...commands: [DossierCommand, { at: string }][]) {
  return commands.reduce(
    (past, [command, time]) => [...past, ...given(past).when(command, time).events()],
    history,
  );
}

/** Under screening, Alice and Bruno named, each having scored every criterion `a` and `b`. */
function scoredBy(a: number, b: number): DossierEvent[] {
  return after(
    underScreening,
    [assign(alice, bruno), onNov19],
    [scoreAll(alice, a), onNov19],
    [scoreAll(bruno, b), onNov19],
  );
}

describe('reviews of a dossier', () => {
  describe('assigning reviewers by hand', () => {
    it('names the operators who will review it, recording who named them and when', () => {
      given(underScreening)
        .when(assign(alice, bruno), onNov19)
        .then([
          {
            type: 'ReviewersAssigned',
            data: {
              reviewerIds: ['alice', 'bruno'],
              by: operator,
              assignedAt: '2019-11-19T09:00:00.000Z',
            },
          },
        ]);
    });

    it('adds only those not already named, and nothing when all are', () => {
      const named = [
        ...underScreening,
        ...given(underScreening).when(assign(alice), onNov19).events(),
      ];
      expect(given(named).when(assign(alice, bruno), onNov19).events()).toMatchObject([
        { type: 'ReviewersAssigned', data: { reviewerIds: ['bruno'] } },
      ]);
      given(named).when(assign(alice), onNov19).then([]);
    });

    it('may name reviewers as soon as the dossier is submitted, before its screening starts', () => {
      const submitted = recorded(...[steps.create, steps.submit].map(step));
      expect(
        given(submitted).when(assign(alice), at('2019-11-02T08:00:00.000Z')).events(),
      ).toHaveLength(1);
    });

    it('refuses a draft, and a dossier already decided', () => {
      given(recorded(step(steps.create)))
        .when(assign(alice), onNov19)
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      given(shortlisted)
        .when(assign(alice), at('2019-11-21T08:00:00.000Z'))
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('refuses a reviewer who declared a conflict of interest with the organisation', () => {
      const declared = [
        ...underScreening,
        ...given(underScreening)
          .when(
            {
              type: 'DeclareConflictOfInterest',
              reason: 'Ancienne présidente du CNP.',
              actor: alice,
            },
            onNov19,
          )
          .events(),
      ];
      const refusal = given(declared).when(assign(alice, bruno), onNov20).refusal();
      expect(refusal.code).toBe(DomainErrorCode.REVIEWER_CONFLICTED);
      expect(refusal.details).toEqual({ reviewerIds: ['alice'] });
    });

    it('refuses when the campaign has no evaluation grid: it offers no reviews', () => {
      const { evaluationGrid: _none, ...terms } = referenceDossierTerms;
      const withoutGrid = recorded(
        ...[
          steps.createdWith(terms),
          steps.submit,
          steps.assess('ELIGIBLE'),
          steps.startScreening,
        ].map(step),
      );
      given(withoutGrid).when(assign(alice), onNov19).then(DomainErrorCode.NO_EVALUATION_GRID);
      // And the decision needs no reason then: there are no scores to go against.
      given(withoutGrid)
        .when({ type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator }, onNov20)
        .then([
          {
            type: 'DossierScreened',
            data: {
              result: 'NOT_RETAINED',
              note: null,
              by: operator,
              screenedAt: '2019-11-20T09:00:00.000Z',
            },
          },
        ]);
    });
  });

  describe('scoring', () => {
    const named = () => [
      ...underScreening,
      ...given(underScreening).when(assign(alice, bruno), onNov19).events(),
    ];

    it('records every criterion with its comment, in the grid order, and the weighted score out of 20', () => {
      given(named())
        .when(
          {
            type: 'ScoreDossier',
            scores: [
              {
                criterionId: 'portee-transversale',
                score: 1,
                comment: ' Propre à la radiologie. ',
              },
              { criterionId: 'pertinence', score: 5, comment: 'Au cœur de l’AMI.' },
              { criterionId: 'faisabilite', score: 3, comment: 'Calendrier flou.' },
              {
                criterionId: 'representativite',
                score: 4,
                comment: 'Enquête auprès de 300 membres.',
              },
            ],
            actor: alice,
          },
          onNov19,
        )
        .then([
          {
            type: 'DossierScored',
            data: {
              reviewerId: 'alice',
              scores: [
                { criterionId: 'pertinence', score: 5, comment: 'Au cœur de l’AMI.' },
                {
                  criterionId: 'representativite',
                  score: 4,
                  comment: 'Enquête auprès de 300 membres.',
                },
                { criterionId: 'faisabilite', score: 3, comment: 'Calendrier flou.' },
                {
                  criterionId: 'portee-transversale',
                  score: 1,
                  comment: 'Propre à la radiologie.',
                },
              ],
              // (3×4/4 + 2×3/4 + 2×2/4 + 1×0/4) / 8 × 20 = 13.75
              weightedScore: 13.75,
              scoredAt: '2019-11-19T09:00:00.000Z',
            },
          },
        ]);
    });

    it('is refused to an operator who is not one of its reviewers', () => {
      given(named()).when(scoreAll(claire, 3), onNov19).then(DomainErrorCode.REVIEWER_NOT_ASSIGNED);
    });

    it('refuses a criterion left out, one unknown, a score off the scale or not whole, a blank comment', () => {
      const base = scoreAll(alice, 3) as Extract<DossierCommand, { type: 'ScoreDossier' }>;
      const variants = [
        base.scores.slice(1),
        [...base.scores, { criterionId: 'originalite', score: 3, comment: 'x' }],
        [{ ...base.scores[0], score: 6 }, ...base.scores.slice(1)],
        [{ ...base.scores[0], score: 2.5 }, ...base.scores.slice(1)],
        [{ ...base.scores[0], comment: '  ' }, ...base.scores.slice(1)],
        [base.scores[0], ...base.scores],
      ];
      for (const scores of variants) {
        given(named())
          .when({ ...base, scores }, onNov19)
          .then(DomainErrorCode.INVALID_COMMAND);
      }
    });

    it('may change until the screening decision, and the last scores are those that count', () => {
      const first = [...named(), ...given(named()).when(scoreAll(alice, 2), onNov19).events()];
      const changed = given(first).when(scoreAll(alice, 4), onNov20);
      expect(changed.events()).toMatchObject([
        { type: 'DossierScored', data: { weightedScore: 15 } },
      ]);
      const state = changed.state();
      expect(
        isDossier(state) && state.reviews?.map((r) => [r.reviewerId, r.weightedScore]),
      ).toEqual([['alice', 15]]);
      // The same scores sent again (a retried request) record nothing.
      given(first).when(scoreAll(alice, 2), onNov20).then([]);
    });

    it('is refused once the screening decision is taken', () => {
      const decided = [
        ...scoredBy(4, 4),
        ...given(scoredBy(4, 4))
          .when({ type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator }, onNov20)
          .events(),
      ];
      given(decided)
        .when(scoreAll(alice, 1), at('2019-11-21T09:00:00.000Z'))
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('is refused before the screening starts: the organisation may still amend its answers', () => {
      const eligible = recorded(
        ...[steps.create, steps.submit, steps.assess('ELIGIBLE')].map(step),
      );
      const named = [
        ...eligible,
        ...given(eligible).when(assign(alice), at('2019-11-02T08:00:00.000Z')).events(),
      ];
      given(named)
        .when(scoreAll(alice, 3), at('2019-11-03T08:00:00.000Z'))
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('the weighted score, the spread and the disagreement', () => {
    it('averages the reviewers’ weighted scores and measures how far apart they are', () => {
      const state = given(scoredBy(4, 3)).state();
      expect(isDossier(state) && dossierReviewSummary(state)).toMatchObject({
        reviewCount: 2,
        // 15 and 10 out of 20
        weightedScore: 12.5,
        spread: 5,
        disagreement: false,
        recommendation: 'SHORTLISTED',
      });
    });

    it('flags reviewers more than 5 points apart out of 20 for discussion', () => {
      const state = given(scoredBy(5, 2)).state();
      expect(isDossier(state) && dossierReviewSummary(state)).toMatchObject({
        weightedScore: 12.5,
        spread: 15,
        disagreement: true,
      });
    });
  });

  describe('a conflict of interest', () => {
    it('takes the reviewer off the dossier and their scores out of its weighted score', () => {
      const history = scoredBy(5, 1);
      const declared = given(history).when(
        { type: 'DeclareConflictOfInterest', reason: 'Membre du bureau du CNP.', actor: alice },
        onNov20,
      );
      expect(declared.events()).toEqual([
        {
          type: 'ConflictOfInterestDeclared',
          data: {
            reviewerId: 'alice',
            reason: 'Membre du bureau du CNP.',
            declaredAt: '2019-11-20T09:00:00.000Z',
          },
        },
      ]);
      const state = declared.state();
      expect(
        isDossier(state) && [state.reviewers, dossierReviewSummary(state)?.weightedScore],
      ).toEqual([['bruno'], 0]);
    });

    it('needs a reason', () => {
      given(underScreening)
        .when({ type: 'DeclareConflictOfInterest', reason: ' ', actor: alice }, onNov19)
        .then(DomainErrorCode.INVALID_COMMAND);
    });
  });

  describe('the screening decision against the scores', () => {
    it('is refused without a reason', () => {
      const refusal = given(scoredBy(5, 4))
        .when({ type: 'RecordScreeningResult', result: 'NOT_RETAINED', actor: operator }, onNov20)
        .refusal();
      expect(refusal.code).toBe(DomainErrorCode.DECISION_AGAINST_SCORES_UNEXPLAINED);
      expect(refusal.message).toMatch(/17,5 sur 20, ce qui plaide pour sa présélection/);
    });

    it('is taken with a reason, recorded as against the scores', () => {
      given(scoredBy(1, 2))
        .when(
          {
            type: 'RecordScreeningResult',
            result: 'SHORTLISTED',
            note: 'Seule réponse de la profession.',
            actor: operator,
          },
          onNov20,
        )
        .then([
          {
            type: 'DossierScreened',
            data: {
              result: 'SHORTLISTED',
              note: 'Seule réponse de la profession.',
              by: operator,
              screenedAt: '2019-11-20T09:00:00.000Z',
              weightedScore: 2.5,
              againstScores: true,
            },
          },
        ]);
    });

    it('needs no reason when it follows the scores', () => {
      expect(
        given(scoredBy(4, 4))
          .when({ type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator }, onNov20)
          .events(),
      ).toMatchObject([{ data: { weightedScore: 15, againstScores: false } }]);
    });
  });

  describe('the grid it is scored on, changed by the campaign before its screening', () => {
    const grid = referenceDossierTerms.evaluationGrid as EvaluationGrid;
    /** Every criterion weighs the same. */
    const evenGrid: EvaluationGrid = {
      ...grid,
      criteria: grid.criteria.map((criterion) => ({ ...criterion, weight: 1 })),
    };
    const apply = (evaluationGrid: EvaluationGrid | null): DossierCommand => ({
      type: 'ApplyEvaluationGrid',
      evaluationGrid,
    });
    const eligible = recorded(...[steps.create, steps.submit, steps.assess('ELIGIBLE')].map(step));
    const onNov5 = at('2019-11-05T08:00:00.000Z');

    it('replaces the copy the dossier took at its creation, in its own history', () => {
      given(eligible)
        .when(apply(evenGrid), onNov5)
        .then([
          {
            type: 'DossierEvaluationGridUpdated',
            data: { evaluationGrid: evenGrid, updatedAt: '2019-11-05T08:00:00.000Z' },
          },
        ]);
    });

    it('has the dossier scored on the new grid once its screening starts', () => {
      const changed = after(eligible, [apply(evenGrid), onNov5], step(steps.startScreening), [
        assign(alice),
        onNov19,
      ]);
      // Pertinence 5, the others 1: (1×4/4) / 4 × 20 = 5 on the even grid (7.5 on the reference).
      given(changed)
        .when(
          {
            type: 'ScoreDossier',
            scores: ['pertinence', 'representativite', 'faisabilite', 'portee-transversale'].map(
              (criterionId) => ({
                criterionId,
                score: criterionId === 'pertinence' ? 5 : 1,
                comment: 'Noté.',
              }),
            ),
            actor: alice,
          },
          onNov19,
        )
        .then([
          {
            type: 'DossierScored',
            data: {
              reviewerId: 'alice',
              scores: [
                { criterionId: 'pertinence', score: 5, comment: 'Noté.' },
                { criterionId: 'representativite', score: 1, comment: 'Noté.' },
                { criterionId: 'faisabilite', score: 1, comment: 'Noté.' },
                { criterionId: 'portee-transversale', score: 1, comment: 'Noté.' },
              ],
              weightedScore: 5,
              scoredAt: '2019-11-19T09:00:00.000Z',
            },
          },
        ]);
    });

    it("is removed with the campaign's grid: the dossier is then not scored", () => {
      const removed = after(eligible, [apply(null), onNov5], step(steps.startScreening));
      const state = given(removed).state();
      expect(isDossier(state) && 'evaluationGrid' in state.terms).toBe(false);
      given(removed).when(assign(alice), onNov19).then(DomainErrorCode.NO_EVALUATION_GRID);
    });

    it('records nothing when the dossier already holds that grid', () => {
      given(eligible).when(apply(grid), onNov5).then([]);
    });

    it('reaches a dossier under screening that nobody has scored yet', () => {
      expect(given(underScreening).when(apply(evenGrid), onNov19).events()).toMatchObject([
        { type: 'DossierEvaluationGridUpdated' },
      ]);
    });

    it('is refused once a reviewer has scored it: the scores stay on the grid they were given on', () => {
      const refusal = given(scoredBy(4, 3)).when(apply(evenGrid), onNov19).refusal();
      expect(refusal.code).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      expect(refusal.message).toBe(
        "Ce dossier est déjà noté sur sa grille d'évaluation : elle ne change plus pour lui.",
      );
    });

    it('is refused once the screening decision is taken', () => {
      given(shortlisted)
        .when(apply(evenGrid), at('2019-11-21T08:00:00.000Z'))
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });
});
