import { Actor } from '@amiflow/contracts';
import {
  dossierTermsOf,
  isCampaign,
  referenceCampaign,
  THEME_TAGGING_STATUSES,
} from '@amiflow/domain';
import { DossierAnalysisQuery, EventStore, readModelProjections } from '@amiflow/persistence';
import { campaignStream, dossierStream, openTestDataSource } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { ReviewedProposalScores } from './reviewed-proposal-scores';

// The best proposals' scores read back from real PostgreSQL: dossiers of the reference campaign
// (its grid: pertinence ×3, représentativité ×2, faisabilité ×2, portée transversale ×1, each 1–5)
// driven through the domain and projected into dossier_summaries as the workflows would.

const campaignId = `ami-propositions-${Date.now().toString(36)}`;
const admin: Actor = { id: 'admin', role: 'admin' };
const operator: Actor = { id: 'operator', role: 'operator' };
const alice: Actor = { id: 'alice', role: 'operator' };
const bruno: Actor = { id: 'bruno', role: 'operator' };
const CRITERIA = ['pertinence', 'representativite', 'faisabilite', 'portee-transversale'];
const LABELS = (referenceCampaign.definition.evaluationGrid?.criteria ?? []).map((c) => c.label);
/** A reviewer's comments as the proposal gives them: one per criterion, with its label. */
const comments = (reviewer: string, score: number) =>
  LABELS.map((label) => `${label} : ${reviewer} : ${score}.`);

describe('the best proposals read from the reviews', () => {
  let dataSource: DataSource;
  let analysis: DossierAnalysisQuery;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const store = new EventStore(dataSource, readModelProjections);
    analysis = new DossierAnalysisQuery(dataSource);
    const campaign = campaignStream(store, campaignId);
    await campaign.run(
      {
        type: 'CreateCampaign',
        campaignId,
        definition: referenceCampaign.definition,
        actor: admin,
      },
      '2019-10-01T08:00:00Z',
    );
    if (!isCampaign(campaign.state)) throw new Error('campaign not created');
    const terms = dossierTermsOf(campaign.state);
    // Each dossier under screening, Alice and Bruno its reviewers, scored `by` them (none: not
    // scored), every criterion the same score.
    const play = async (organisationId: string, by: [Actor, number][]) => {
      const dossier = dossierStream(store, campaignId, organisationId);
      await dossier.run(
        {
          type: 'CreateDossierDraft',
          campaignId,
          organisationId,
          organisationName: `CNP ${organisationId}`,
          organisationType: 'CNP',
          profession: organisationId,
          terms,
        },
        '2019-10-10T08:00:00Z',
      );
      await dossier.run({ type: 'SubmitDossier' }, '2019-11-01T08:00:00Z');
      await dossier.run(
        { type: 'RecordEligibility', decision: 'ELIGIBLE', reasons: ['ELIGIBLE_TYPE'] },
        '2019-11-01T08:01:00Z',
      );
      await dossier.run({ type: 'StartDossierScreening' }, '2019-11-18T08:00:00Z');
      await dossier.run(
        { type: 'AssignReviewers', reviewerIds: [alice.id, bruno.id], actor: operator },
        '2019-11-19T08:00:00Z',
      );
      for (const [reviewer, score] of by) {
        await dossier.run(
          {
            type: 'ScoreDossier',
            scores: CRITERIA.map((criterionId) => ({
              criterionId,
              score,
              comment: `${reviewer.id} : ${score}.`,
            })),
            actor: reviewer,
          },
          '2019-11-19T09:00:00Z',
        );
      }
    };
    await play('cardiologie', [
      [alice, 3],
      [bruno, 4],
    ]);
    await play('radiologie', [[alice, 5]]);
    await play('pharmacie', []);
  });
  afterAll(() => dataSource?.destroy());

  it('reads, in one query, the reviewed dossiers only, with their grid and reviews', async () => {
    const rows = await analysis.reviewed(campaignId, THEME_TAGGING_STATUSES);
    expect(rows.map((row) => [row.organisationId, row.reviews.map((r) => r.reviewerId)])).toEqual([
      ['cardiologie', ['alice', 'bruno']],
      ['radiologie', ['alice']],
    ]);
    expect(rows[0].grid).toEqual(referenceCampaign.definition.evaluationGrid);
    expect(await analysis.reviewed(campaignId, ['SHORTLISTED'])).toEqual([]);
  });

  it('scores each as the domain does, with its reviewers’ comments', async () => {
    const scored = await new ReviewedProposalScores(analysis).scored(campaignId, true);
    // Every criterion 3 → 10/20, 4 → 15/20 (mean 12.5); 5 → 20/20.
    expect(scored).toEqual([
      {
        organisationId: 'cardiologie',
        organisationName: 'CNP cardiologie',
        profession: 'cardiologie',
        weightedScore: 12.5,
        comments: [...comments('alice', 3), ...comments('bruno', 4)],
      },
      {
        organisationId: 'radiologie',
        organisationName: 'CNP radiologie',
        profession: 'radiologie',
        weightedScore: 20,
        comments: comments('alice', 5),
      },
    ]);
  });

  it('says there is nothing to rank when no grid is in force and nothing is scored', async () => {
    const scores = new ReviewedProposalScores(analysis);
    expect(await scores.scored(`${campaignId}-sans-grille`, false)).toBeNull();
    expect(await scores.scored(`${campaignId}-sans-grille`, true)).toEqual([]);
  });
});
