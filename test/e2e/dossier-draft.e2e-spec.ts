import { openCampaignDefinition } from '@amiflow/domain/testing';
import { EventStore, readModelProjections } from '@amiflow/persistence';
import { openTestDataSource, seedOpenCampaign } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/lifecycle-harness';
import { tokenFor } from '../support/tokens';

const run = Date.now().toString(36);
const campaign = `ami-e2e-${run}`;

describe('creating and reading a draft dossier over HTTP', () => {
  let amiflow: RunningAmiflow;
  let dataSource: DataSource;
  // An operator creates drafts on an organisation's behalf; the authorisation matrix covers roles.
  let api: ApiClient;

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const { status, body: answer } = await api.call(method, path, body, headers);
    return { status, body: answer };
  };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    // The campaign workflow is not there yet: the open campaign is stored as its events.
    const store = new EventStore(dataSource, readModelProjections);
    await seedOpenCampaign(store, campaign, openCampaignDefinition(new Date()));
    amiflow = await startAmiflow();
    api = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
  }, 90_000);

  afterAll(async () => {
    await amiflow?.stop();
    await dataSource?.destroy();
  });

  it('reports both dependencies up on /health', async () => {
    expect(await call('GET', '/health')).toEqual({
      status: 200,
      body: { status: 'up', checks: { database: { status: 'up' }, temporal: { status: 'up' } } },
    });
  });

  it('creates a draft, answers with it, and serves it back from the read model', async () => {
    const organisationId = `cnp-radiologie-${run}`;
    const created = await call('POST', `/campaigns/${campaign}/dossiers`, {
      organisationId,
      organisationName: 'Conseil national professionnel de radiologie',
      organisationType: 'CNP',
      profession: 'radiologie',
    });
    expect(created).toEqual({
      status: 201,
      body: {
        campaignId: campaign,
        organisationId,
        organisationName: 'Conseil national professionnel de radiologie',
        organisationType: 'CNP',
        profession: 'radiologie',
        state: 'DRAFT',
        completenessPercent: 0,
        missingRequiredSections: [
          'organisation',
          'usages-actuels',
          'freins',
          'leviers',
          'propositions',
        ],
        nextDeadline: expect.stringMatching(/Z$/),
        // What falls due next (a reminder or the deadline), for the console's deadline view.
        nextDueAt: expect.stringMatching(/Z$/),
        nextDueKind: expect.stringMatching(/^(REMINDER|DEADLINE)$/),
        late: false,
        submittedAt: null,
        version: 1,
        createdAt: expect.stringMatching(/Z$/),
        lastChangeAt: expect.stringMatching(/Z$/),
        // Not checked yet: no decision, no reasons.
        eligibility: null,
        // A draft is its organisation's: nothing for an operator to decide yet.
        allowedOperatorCommands: [],
        consultation: null,
        outcome: null,
        followUps: [],
      },
    });
    expect(await call('GET', `/campaigns/${campaign}/dossiers/${organisationId}`)).toEqual({
      ...created,
      status: 200,
    });
  });

  it('reads the answers by section, in the questionnaire’s order, the unanswered ones null', async () => {
    const organisationId = `cnp-dermatologie-${run}`;
    await call('POST', `/campaigns/${campaign}/dossiers`, {
      organisationId,
      organisationName: 'CNP de dermatologie',
      organisationType: 'CNP',
    });
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId }),
    );
    const path = `/campaigns/${campaign}/dossiers/${organisationId}/answers`;
    expect(
      (await organisation.call('PUT', path, { answers: { freins: 'L’accès aux images.' } })).status,
    ).toBe(200);
    const { sections } = openCampaignDefinition(new Date());
    for (const reader of [api, organisation]) {
      expect(await reader.call('GET', path)).toMatchObject({
        status: 200,
        body: {
          sections: sections.map(({ id, title, required }) => ({
            sectionId: id,
            title,
            required,
            answer: id === 'freins' ? 'L’accès aux images.' : null,
          })),
        },
      });
    }
  });

  it('says why a dossier awaits review, then the operator’s reason once decided', async () => {
    // Not in the directory: the check cannot settle it, an operator must.
    const organisationId = `inconnue-${run}`;
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId }),
    );
    const path = `/campaigns/${campaign}/dossiers/${organisationId}`;
    expect(
      (
        await organisation.call('POST', `/campaigns/${campaign}/dossiers`, {
          organisationId,
          organisationName: 'Collège des orthoptistes',
          organisationType: 'PROFESSIONAL_COLLEGE',
          profession: 'orthoptie',
        })
      ).status,
    ).toBe(201);
    expect((await organisation.call('POST', `${path}/submit`)).status).toBe(200);
    const awaiting = await eventually('the dossier to await review', async () => {
      const { body } = await organisation.call('GET', path);
      return (body as { state: string }).state === 'NEEDS_REVIEW' ? body : undefined;
    });
    expect(awaiting).toMatchObject({
      eligibility: {
        decision: 'NEEDS_REVIEW',
        reasons: [
          {
            code: 'NOT_IN_DIRECTORY',
            label: "L'organisation ne figure pas dans l'annuaire : un instructeur doit vérifier.",
          },
        ],
        overrideReason: null,
      },
    });
    expect(
      (
        await call('POST', `${path}/eligibility-override`, {
          decision: 'ELIGIBLE',
          reason: "L'orthoptie n'a pas de CNP.",
        })
      ).status,
    ).toBe(200);
    expect((await organisation.call('GET', path)).body).toMatchObject({
      state: 'ELIGIBLE',
      eligibility: {
        decision: 'ELIGIBLE',
        reasons: [{ code: 'NOT_IN_DIRECTORY' }],
        overrideReason: "L'orthoptie n'a pas de CNP.",
      },
    });
    // Lists leave it out: they are the operators' hot path.
    const list = await organisation.call('GET', `/campaigns/${campaign}/dossiers`);
    expect((list.body as { items: object[] }).items[0]).not.toHaveProperty('eligibility');
  });

  it('carries the caller’s correlation id into the stored event', async () => {
    const organisationId = `cnp-pediatrie-${run}`;
    await call(
      'POST',
      `/campaigns/${campaign}/dossiers`,
      { organisationId, organisationName: 'CNP de pédiatrie', organisationType: 'CNP' },
      { 'x-correlation-id': `e2e-${run}` },
    );
    const rows = await dataSource.query<{ correlation: string }[]>(
      "SELECT metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1",
      [`dossier/${campaign}/${organisationId}`],
    );
    expect(rows).toEqual([{ correlation: `e2e-${run}` }]);
  });

  it('answers 409 with the error shape when the organisation already has a dossier', async () => {
    const body = {
      organisationId: `cnp-geriatrie-${run}`,
      organisationName: 'CNP de gériatrie',
      organisationType: 'CNP',
    };
    await call('POST', `/campaigns/${campaign}/dossiers`, body);
    expect(await call('POST', `/campaigns/${campaign}/dossiers`, body)).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        code: 'DOSSIER_ALREADY_EXISTS',
        message: expect.stringContaining('a déjà un dossier'),
      },
    });
  });

  it.each([
    [
      'an unknown field',
      { organisationId: `x-${run}`, organisationName: 'X', organisationType: 'CNP', admin: true },
    ],
    ['a missing name', { organisationId: `x-${run}`, organisationType: 'CNP' }],
    [
      'an organisation id with capitals',
      { organisationId: 'CNP', organisationName: 'X', organisationType: 'CNP' },
    ],
    [
      'a name longer than 300 characters',
      { organisationId: `x-${run}`, organisationName: 'x'.repeat(301), organisationType: 'CNP' },
    ],
    [
      'an unknown organisation type',
      { organisationId: `x-${run}`, organisationName: 'X', organisationType: 'GUILD' },
    ],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_, body) => {
    const response = await call('POST', `/campaigns/${campaign}/dossiers`, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      details: expect.any(Array),
    });
    expect((await call('GET', `/campaigns/${campaign}/dossiers/x-${run}`)).status).toBe(404);
  });

  it('refuses malformed JSON with 400 and the error shape', async () => {
    const response = await call('POST', `/campaigns/${campaign}/dossiers`, '{"organisationId":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'BAD_REQUEST',
      message: expect.any(String),
    });
  });

  it('refuses a campaign id that is not a business key', async () => {
    const response = await call('GET', '/campaigns/Not%20A%20Key/dossiers/cnp-radiologie');
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('answers 404 CAMPAIGN_NOT_FOUND when drafting for a campaign that does not exist', async () => {
    const body = { organisationId: `cnp-x-${run}`, organisationName: 'X', organisationType: 'CNP' };
    expect(await call('POST', `/campaigns/nowhere-${run}/dossiers`, body)).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'CAMPAIGN_NOT_FOUND', message: expect.any(String) },
    });
  });

  it('answers 404 DOSSIER_NOT_FOUND for a dossier that does not exist', async () => {
    expect(await call('GET', `/campaigns/${campaign}/dossiers/nobody-${run}`)).toEqual({
      status: 404,
      body: { statusCode: 404, code: 'DOSSIER_NOT_FOUND', message: expect.any(String) },
    });
  });

  it('answers 404 with the error shape for an unknown route', async () => {
    expect(await call('GET', '/nowhere')).toMatchObject({
      status: 404,
      body: { statusCode: 404, code: 'NOT_FOUND' },
    });
  });

  it('publishes the OpenAPI document and its page', async () => {
    const document = await call('GET', '/api/docs-json');
    expect(document.status).toBe(200);
    expect(Object.keys((document.body as { paths: object }).paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/campaigns/{campaignId}/dossiers',
        '/campaigns/{campaignId}/dossiers/{organisationId}',
      ]),
    );
    const page = await call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('stops cleanly on Ctrl-C', async () => {
    expect(await amiflow.stop()).toEqual({ api: 0, worker: 0 });
  });
});
