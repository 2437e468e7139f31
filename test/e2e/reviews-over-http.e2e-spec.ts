import { referenceCampaignFile } from '@amiflow/domain';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import {
  dossierPath as dossierPathIn,
  dossierReaches,
  expectOk,
  publishUntilOpen,
  referenceCampaignInSeconds,
  submitCnpDossier,
} from '../support/campaign-over-http';
import { until } from '../support/eventually';
import { pdfText } from '../support/pdf-text';
import { tokenFor } from '../support/tokens';

// Issue 13, item 2, over HTTP: two reviewers are given the dossiers of a campaign with the
// reference grid (pertinence ×3, représentativité ×2, faisabilité ×2, portée transversale ×1, each
// 1–5; weighted scores out of 20), both score, the weighted score and the spread are read back,
// and a screening decision against the scores is refused without a reason, taken with one; the
// synthesis ranks the dossiers by weighted score with the reviewers' comments, and its PDF says so.

const SECOND = 1000;
const run = Date.now().toString(36);
const campaignId = `ami-reviews-${run}`;
const id = (name: string) => `${name}-${run}`;
const alice = `alice-${run}`;
const bruno = `bruno-${run}`;

/** The reference campaign and its grid, its calendar shrunk to seconds. */
const campaignFile = (t0: number) =>
  referenceCampaignInSeconds(t0, { opensAt: 0, submissionDeadline: 12, consultationsStartAt: 600 });

const CRITERIA = ['pertinence', 'representativite', 'faisabilite', 'portee-transversale'];
/** Scores in the grid's order, each with its comment. */
const scores = (...values: number[]) => ({
  scores: values.map((score, index) => ({
    criterionId: CRITERIA[index],
    score,
    comment: `Noté ${score} au vu de la réponse.`,
  })),
});

describe('reviews of dossiers over HTTP', () => {
  let amiflow: RunningAmiflow;
  let admin: ApiClient;
  let operator: ApiClient;
  let operatorToken: string;
  const reviewer = new Map<string, ApiClient>();
  const organisation = new Map<string, ApiClient>();

  const dossierPath = (organisationId: string, rest = '') =>
    dossierPathIn(campaignId, organisationId, rest);
  const reaches = (organisationId: string, state: string) =>
    dossierReaches(operator, campaignId, organisationId, state);

  beforeAll(async () => {
    amiflow = await startAmiflow();
    admin = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    operatorToken = await tokenFor('operator');
    operator = new ApiClient(amiflow.apiUrl, operatorToken);
    for (const subject of [alice, bruno, `claire-${run}`]) {
      reviewer.set(subject, new ApiClient(amiflow.apiUrl, await tokenFor('operator', { subject })));
    }
    for (const organisationId of [id('cnp-a'), id('cnp-b')]) {
      organisation.set(
        organisationId,
        new ApiClient(amiflow.apiUrl, await tokenFor('organisation', { organisationId })),
      );
    }
  }, 90_000);

  afterAll(async () => {
    await amiflow?.stop();
  });

  it('two reviewers score, the weighted score and spread are read back, and a decision against them needs a reason', async () => {
    for (const name of ['cnp-a', 'cnp-b']) {
      expectOk(
        await admin.call('PUT', `/organisations/${id(name)}`, {
          name: `CNP ${name}`,
          type: 'CNP',
          email: `${name}@test.example`,
        }),
        201,
      );
    }
    const t0 = Date.now() + 4 * SECOND;
    expectOk(
      await admin.call('POST', '/campaigns', { campaignId, definition: campaignFile(t0) }),
      201,
    );
    // Before it opens, an administrator may still change the grid: here, pertinence weighs 3
    // again after a try at 1 (its dossiers will be scored on the grid in force at their creation).
    const grid = referenceCampaignFile.evaluationGrid;
    const setGrid = (weight: number) =>
      admin.call('PUT', `/campaigns/${campaignId}/evaluation-grid`, {
        ...grid,
        criteria: grid?.criteria.map((c, i) => (i === 0 ? { ...c, weight } : c)),
      });
    expect(expectOk(await setGrid(1))).toMatchObject({
      grid: { criteria: [{ id: 'pertinence', weight: 1 }, {}, {}, {}], shortlistThreshold: 10 },
    });
    expectOk(await setGrid(3));
    await publishUntilOpen(admin, operator, campaignId, t0);
    expect(await setGrid(2)).toMatchObject({
      status: 409,
      body: { code: 'TRANSITION_NOT_ALLOWED' },
    });
    for (const organisationId of [id('cnp-a'), id('cnp-b')]) {
      await submitCnpDossier(organisation.get(organisationId) as ApiClient, campaignId, {
        organisationId,
        organisationName: `CNP ${organisationId}`,
        profession: 'radiologie',
        answers: { organisation: 'CNP.', freins: "L'accès aux données." },
      });
      await reaches(organisationId, 'ELIGIBLE');
    }

    // Automatic assignment: two reviewers for each dossier, Alice and Bruno on both.
    const assigned = expectOk(
      await operator.call('POST', `/campaigns/${campaignId}/reviewer-assignments`, {
        reviewerIds: [alice, bruno],
        reviewersPerDossier: 2,
      }),
    );
    expect(assigned).toEqual({
      dossierCount: 2,
      assignments: [
        { organisationId: id('cnp-a'), reviewerIds: [alice, bruno] },
        { organisationId: id('cnp-b'), reviewerIds: [alice, bruno] },
      ],
    });
    // Run again, it has nothing left to do.
    expect(
      expectOk(
        await operator.call('POST', `/campaigns/${campaignId}/reviewer-assignments`, {
          reviewerIds: [alice, bruno],
          reviewersPerDossier: 2,
        }),
      ),
    ).toEqual({ dossierCount: 2, assignments: [] });

    const score = (subject: string, organisationId: string, body: unknown) =>
      (reviewer.get(subject) as ApiClient).call(
        'PUT',
        dossierPath(organisationId, '/reviews/mine'),
        body,
      );
    // Before the deadline the organisation may still amend: nobody scores yet.
    expect(await score(alice, id('cnp-a'), scores(5, 5, 4, 4))).toMatchObject({
      status: 409,
      body: { code: 'TRANSITION_NOT_ALLOWED' },
    });

    await until(t0 + 12 * SECOND);
    await reaches(id('cnp-a'), 'UNDER_SCREENING');
    await reaches(id('cnp-b'), 'UNDER_SCREENING');

    // Only a named reviewer scores; every criterion, on its scale.
    expect(await score(`claire-${run}`, id('cnp-a'), scores(5, 5, 5, 5))).toMatchObject({
      status: 403,
      body: { code: 'REVIEWER_NOT_ASSIGNED' },
    });
    expect(await score(alice, id('cnp-a'), scores(5, 5, 4))).toMatchObject({
      status: 422,
      body: { code: 'INVALID_COMMAND' },
    });
    expect(await score(alice, id('cnp-a'), scores(6, 5, 4, 4))).toMatchObject({
      status: 422,
      body: { code: 'INVALID_COMMAND', message: expect.stringMatching(/entier de 1 à 5/) },
    });

    // A: Alice 5,5,4,4 → (3 + 2 + 1.5 + 0.75) / 8 × 20 = 18.13; Bruno first 1s, then 4,3,3,3 →
    // (2.25 + 1 + 1 + 0.5) / 8 × 20 = 11.88; 15 on average (of the exact 18.125 and 11.875),
    // 6.25 apart. B: 3.13 and 1.88, both low.
    expectOk(await score(alice, id('cnp-a'), scores(5, 5, 4, 4)));
    expectOk(await score(bruno, id('cnp-a'), scores(1, 1, 1, 1)));
    const reviews = expectOk(await score(bruno, id('cnp-a'), scores(4, 3, 3, 3)));
    expect(reviews).toMatchObject({
      state: 'UNDER_SCREENING',
      reviewers: [alice, bruno],
      reviewCount: 2,
      weightedScore: 15,
      spread: 6.25,
      disagreement: true,
      recommendation: 'SHORTLISTED',
    });
    expect(
      (reviews.reviews as { reviewerId: string; weightedScore: number }[]).map((r) => [
        r.reviewerId,
        r.weightedScore,
      ]),
    ).toEqual([
      [alice, 18.13],
      [bruno, 11.88],
    ]);
    expectOk(await score(alice, id('cnp-b'), scores(2, 1, 2, 1)));
    expectOk(await score(bruno, id('cnp-b'), scores(1, 1, 2, 2)));
    expect(
      expectOk(await operator.call('GET', dossierPath(id('cnp-b'), '/reviews'))),
    ).toMatchObject({
      weightedScore: 2.5,
      spread: 1.25,
      disagreement: false,
      recommendation: 'NOT_RETAINED',
    });

    // The synthesis's best proposals: A (15) before B (2.5), each with its reviewers' comments,
    // reviewer by reviewer, « Critère : commentaire ».
    const labels = (grid?.criteria ?? []).map((c) => c.label);
    const commented = (...values: number[]) =>
      values.map((score, index) => `${labels[index]} : Noté ${score} au vu de la réponse.`);
    const synthesis = expectOk(await operator.call('GET', `/campaigns/${campaignId}/synthesis`));
    expect(synthesis.bestProposals).toEqual({
      available: true,
      proposals: [
        {
          organisationId: id('cnp-a'),
          organisationName: `CNP ${id('cnp-a')}`,
          profession: 'radiologie',
          weightedScore: 15,
          comments: [...commented(5, 5, 4, 4), ...commented(4, 3, 3, 3)],
          consolePath: `/console/campagnes/${campaignId}/dossiers/${id('cnp-a')}`,
        },
        {
          organisationId: id('cnp-b'),
          organisationName: `CNP ${id('cnp-b')}`,
          profession: 'radiologie',
          weightedScore: 2.5,
          comments: [...commented(2, 1, 2, 1), ...commented(1, 1, 2, 2)],
          consolePath: `/console/campagnes/${campaignId}/dossiers/${id('cnp-b')}`,
        },
      ],
    });
    // The PDF report, opened and read back: the same ranking, the same comments.
    const report = await fetch(`${amiflow.apiUrl}/campaigns/${campaignId}/synthesis/report.pdf`, {
      headers: { authorization: `Bearer ${operatorToken}` },
    });
    expect(report.status).toBe(200);
    const text = (await pdfText(Buffer.from(await report.arrayBuffer())))
      .join('\n')
      .replace(/\s+/g, ' ');
    const first = text.indexOf(`1. CNP ${id('cnp-a')} (radiologie) — note 15 / 20`);
    const second = text.indexOf(`2. CNP ${id('cnp-b')} (radiologie) — note 2.5 / 20`);
    expect({ first: first >= 0, second: second > first }).toEqual({ first: true, second: true });
    expect(text).toContain(`« ${labels[0]} : Noté 5 au vu de la réponse. »`);
    expect(text).toContain(`« ${labels[3]} : Noté 2 au vu de la réponse. »`);

    // Alice's queue: both dossiers, scored.
    const queue = expectOk(
      await (reviewer.get(alice) as ApiClient).call(
        'GET',
        `/me/review-queue?campaignId=${campaignId}`,
      ),
    );
    expect(
      (queue.items as { organisationId: string; weightedScore: number }[]).map((i) => [
        i.organisationId,
        i.weightedScore,
      ]),
    ).toEqual([
      [id('cnp-a'), 18.13],
      [id('cnp-b'), 3.13],
    ]);

    // Against the scores: refused without a reason, taken with one.
    expect(
      await operator.call('POST', dossierPath(id('cnp-a'), '/screening-result'), {
        result: 'NOT_RETAINED',
      }),
    ).toMatchObject({
      status: 422,
      body: {
        code: 'DECISION_AGAINST_SCORES_UNEXPLAINED',
        message: expect.stringMatching(/15 sur 20, ce qui plaide pour sa présélection/),
      },
    });
    expect(
      expectOk(
        await operator.call('POST', dossierPath(id('cnp-a'), '/screening-result'), {
          result: 'NOT_RETAINED',
          note: 'Proposition déjà financée par un autre programme.',
        }),
      ),
    ).toMatchObject({ state: 'NOT_RETAINED' });
    // Following the scores needs none.
    expect(
      expectOk(
        await operator.call('POST', dossierPath(id('cnp-b'), '/screening-result'), {
          result: 'NOT_RETAINED',
        }),
      ),
    ).toMatchObject({ state: 'NOT_RETAINED' });
    // Decided: the scores are history.
    expect(await score(alice, id('cnp-a'), scores(1, 1, 1, 1))).toMatchObject({
      status: 409,
      body: { code: 'TRANSITION_NOT_ALLOWED' },
    });
    expect(
      expectOk(
        await (reviewer.get(alice) as ApiClient).call(
          'GET',
          `/me/review-queue?campaignId=${campaignId}`,
        ),
      ),
    ).toEqual({ items: [] });
    // The audit trail says who scored what, when.
    const events = expectOk(await operator.call('GET', dossierPath(id('cnp-a'), '/events')));
    expect(JSON.stringify(events)).toMatch(/DossierScored/);
    // The organisation's view of it leaves the ministry's deliberation out.
    const seenByOrganisation = JSON.stringify(
      expectOk(
        await (organisation.get(id('cnp-a')) as ApiClient).call(
          'GET',
          dossierPath(id('cnp-a'), '/events'),
        ),
      ),
    );
    expect(seenByOrganisation).toMatch(/DossierScreened/);
    expect(seenByOrganisation).not.toMatch(/DossierScored|ReviewersAssigned|alice|weightedScore/);
  }, 240_000);
});
