import { DomainErrorCode } from '../errors/domain-error-code';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { specification } from '../testing/decider-specification';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { isCampaign } from './campaign.state';
import { EvaluationGrid } from './evaluation-grid';

// An administrator changes the reference campaign's grid until its screening starts (at the
// deadline, 18 Nov 2019): each dossier takes a copy of the grid at its creation, and the copies
// of those already created follow the change (see the dossier's reviews spec).

const { given } = specification(campaignDecider);
const { campaignId, definition } = referenceCampaign;
const admin: Actor = { id: 'admin-dns', role: 'admin' };
const grid = definition.evaluationGrid as EvaluationGrid;
const onOct2 = { at: '2019-10-02T08:00:00.000Z' };

const created: CampaignEvent = {
  type: 'CampaignCreated',
  data: { campaignId, definition, createdAt: '2019-10-01T08:00:00.000Z', createdBy: admin },
};
const opened: CampaignEvent[] = [
  created,
  { type: 'CampaignPublished', data: { publishedAt: '2019-10-01T09:00:00.000Z', by: admin } },
  { type: 'CampaignOpened', data: { openedAt: definition.calendar.opensAt } },
];
const submissionsClosed: CampaignEvent[] = [
  ...opened,
  { type: 'CampaignSubmissionsClosed', data: { closedAt: definition.calendar.submissionDeadline } },
];
const screening: CampaignEvent[] = [
  ...submissionsClosed,
  { type: 'CampaignScreeningStarted', data: { startedAt: definition.calendar.submissionDeadline } },
];
const consultations: CampaignEvent = {
  type: 'CampaignConsultationsStarted',
  data: { startedAt: definition.calendar.consultationsStartAt },
};
const cancelled: CampaignEvent = {
  type: 'CampaignCancelled',
  data: { cancelledAt: '2019-11-01T08:00:00.000Z', reason: 'Crédits annulés', by: admin },
};
/** Pertinence weighs as much as the others. */
const evenGrid: EvaluationGrid = {
  ...grid,
  criteria: grid.criteria.map((criterion) => ({ ...criterion, weight: 1 })),
};

describe("the campaign's evaluation grid", () => {
  it('is replaced by an administrator before the campaign opens', () => {
    const changed = given([created]).when(
      { type: 'ChangeEvaluationGrid', evaluationGrid: evenGrid, actor: admin },
      onOct2,
    );
    changed.then([
      {
        type: 'EvaluationGridChanged',
        data: { evaluationGrid: evenGrid, by: admin, changedAt: '2019-10-02T08:00:00.000Z' },
      },
    ]);
    const state = changed.state();
    expect(isCampaign(state) && state.definition.evaluationGrid).toEqual(evenGrid);
  });

  it('is removed (null): the campaign then offers no reviews', () => {
    const state = given([created])
      .when({ type: 'ChangeEvaluationGrid', evaluationGrid: null, actor: admin }, onOct2)
      .state();
    expect(isCampaign(state) && 'evaluationGrid' in state.definition).toBe(false);
  });

  it('records nothing when it is the grid already in force', () => {
    given([created])
      .when({ type: 'ChangeEvaluationGrid', evaluationGrid: grid, actor: admin }, onOct2)
      .then([]);
  });

  it('is still replaced once the campaign has opened, dossiers existing, and after the deadline', () => {
    given(opened)
      .when(
        { type: 'ChangeEvaluationGrid', evaluationGrid: evenGrid, actor: admin },
        { at: '2019-10-10T08:00:00.000Z' },
      )
      .then([
        {
          type: 'EvaluationGridChanged',
          data: { evaluationGrid: evenGrid, by: admin, changedAt: '2019-10-10T08:00:00.000Z' },
        },
      ]);
    given(submissionsClosed)
      .when(
        { type: 'ChangeEvaluationGrid', evaluationGrid: evenGrid, actor: admin },
        { at: '2019-11-18T23:00:00.000Z' },
      )
      .then([
        {
          type: 'EvaluationGridChanged',
          data: { evaluationGrid: evenGrid, by: admin, changedAt: '2019-11-18T23:00:00.000Z' },
        },
      ]);
  });

  it.each([
    ['its screening has started', screening],
    ['its consultations have started', [...screening, consultations]],
    ['it is cancelled', [...opened, cancelled]],
  ])('is refused once %s: reviewers may be scoring on it', (_, history) => {
    const refusal = given(history)
      .when(
        { type: 'ChangeEvaluationGrid', evaluationGrid: evenGrid, actor: admin },
        { at: '2019-11-20T08:00:00.000Z' },
      )
      .refusal();
    expect(refusal.code).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    expect(refusal.message).toMatch(
      /^Impossible de changer la grille d'évaluation de la campagne : elle est /,
    );
  });

  it('is refused when invalid, with every problem in French', () => {
    const refusal = given([created])
      .when(
        {
          type: 'ChangeEvaluationGrid',
          evaluationGrid: { criteria: [{ ...grid.criteria[0], weight: 0 }] },
          actor: admin,
        },
        onOct2,
      )
      .refusal();
    expect(refusal.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    expect(refusal.details).toEqual({
      problems: [
        {
          path: 'evaluationGrid.criteria[0].weight',
          message: 'Le poids du critère « pertinence » est un entier positif.',
        },
      ],
    });
  });
});
