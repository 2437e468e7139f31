import { DomainErrorCode } from '../errors/domain-error-code';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { specification } from '../testing/decider-specification';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { isCampaign } from './campaign.state';
import { EvaluationGrid } from './evaluation-grid';

// An administrator changes the reference campaign's grid before it opens (9 Oct 2019): each
// dossier takes a copy of the grid at its creation, so the grid is settled before any exists.

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

  it('is refused once the campaign has opened: dossiers hold a copy of it', () => {
    given(opened)
      .when(
        { type: 'ChangeEvaluationGrid', evaluationGrid: evenGrid, actor: admin },
        { at: '2019-10-10T08:00:00.000Z' },
      )
      .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
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
