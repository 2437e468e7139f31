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
import { eventually, until } from '../support/eventually';
import { pdfText } from '../support/pdf-text';
import { tokenFor } from '../support/tokens';

// Issue 13, items 1 and 2, over HTTP: an administrator changes the grid while the campaign is open
// and its dossiers exist, back to the reference grid (pertinence ×3, représentativité ×2,
// faisabilité ×2, portée transversale ×1, each 1–5; weighted scores out of 20), and the dossiers
// follow it; the change is refused once the screening has started. Two reviewers are given the
// dossiers, both score on the new grid, the weighted score and the spread are read back,
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
  referenceCampaignInSeconds(t0, { opensAt: 0, submissionDeadline: 20, consultationsStartAt: 600 });

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
    // Before it opens, an administrator changes the grid: pertinence weighs 1, the grid the
    // dossiers will take a copy of at their creation.
    const grid = referenceCampaignFile.evaluationGrid;
    const setGrid = (weight: number) =>
      admin.call('PUT', `/campaigns/${campaignId}/evaluation-grid`, {
        ...grid,
        criteria: grid?.criteria.map((c, i) => (i === 0 ? { ...c, weight } : c)),
      });
    expect(expectOk(await setGrid(1))).toMatchObject({
      grid: { criteria: [{ id: 'pertinence', weight: 1 }, {}, {}, {}], shortlistThreshold: 10 },
    });
    await publishUntilOpen(admin, operator, campaignId, t0);
    for (const organisationId of [id('cnp-a'), id('cnp-b')]) {
      await submitCnpDossier(organisation.get(organisationId) as ApiClient, campaignId, {
        organisationId,
        organisationName: `CNP ${organisationId}`,
        profession: 'radiologie',
        answers: { organisation: 'CNP.', freins: "L'accès aux données." },
      });
      await reaches(organisationId, 'ELIGIBLE');
    }
    const pertinenceWeight = async (organisationId: string) =>
      (
        expectOk(await operator.call('GET', dossierPath(organisationId, '/reviews'))) as {
          grid: { criteria: { id: string; weight: number }[] };
        }
      ).grid.criteria[0].weight;
    expect(await pertinenceWeight(id('cnp-a'))).toBe(1);

    // Open, its dossiers created: the grid may still change until the screening starts. Back to
    // the reference (pertinence ×3); each dossier's copy follows, in its own history.
    expect(expectOk(await setGrid(3))).toMatchObject({
      grid: { criteria: [{ id: 'pertinence', weight: 3 }, {}, {}, {}] },
    });
    for (const organisationId of [id('cnp-a'), id('cnp-b')]) {
      await eventually(`${organisationId} to hold the new grid`, async () =>
        (await pertinenceWeight(organisationId)) === 3 ? true : undefined,
      );
    }
    expect(
      JSON.stringify(expectOk(await operator.call('GET', dossierPath(id('cnp-a'), '/events')))),
    ).toMatch(/DossierEvaluationGridUpdated/);

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

    await until(t0 + 20 * SECOND);
    await reaches(id('cnp-a'), 'UNDER_SCREENING');
    await reaches(id('cnp-b'), 'UNDER_SCREENING');
    // Once the campaign's screening has started, the grid stays as it is.
    await eventually('the screening to start', async () =>
      (expectOk(await operator.call('GET', `/campaigns/${campaignId}`)) as { phase: string })
        .phase === 'SCREENING'
        ? true
        : undefined,
    );
    expect(await setGrid(2)).toMatchObject({
      status: 409,
      body: {
        code: 'TRANSITION_NOT_ALLOWED',
        message:
          "Impossible de changer la grille d'évaluation de la campagne : elle est en cours d'examen.",
      },
    });

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

    // Scored on the grid changed while open (pertinence ×3; on the first one, ×1, Alice's 5,5,4,4
    // would give (1 + 2 + 1.5 + 0.75) / 6 × 20 = 17.5).
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
    expect(seenByOrganisation).not.toMatch(
      /DossierScored|ReviewersAssigned|DossierEvaluationGridUpdated|alice|weightedScore/,
    );
  }, 240_000);
});
