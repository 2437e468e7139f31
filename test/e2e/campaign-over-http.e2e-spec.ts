import { referenceCampaignFile, ReminderRule } from '@amiflow/domain';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import {
  dossierPath as dossierPathIn,
  expectOk,
  publishUntilOpen,
  referenceCampaignInSeconds,
} from '../support/campaign-over-http';
import { eventually, until } from '../support/eventually';
import { tokenFor } from '../support/tokens';

const SECOND = 1000;
const run = Date.now().toString(36);
const campaignId = `ami-http-${run}`;
/** Organisations of this run only: the directory is shared with the other tests. */
const id = (name: string) => `${name}-${run}`;

/** The reference campaign, its calendar shrunk to seconds and its consultations at any hour. */
function campaignFile(t0: number) {
  const reminders: ReminderRule[] = [
    {
      id: 'depot-bientot',
      kind: 'DEADLINE_REMINDER',
      anchor: 'SUBMISSION_DEADLINE',
      audience: 'UNSUBMITTED_DOSSIERS',
      offset: { seconds: -6 },
    },
  ];
  return {
    ...referenceCampaignInSeconds(t0, {
      opensAt: 0,
      meetingRegistrationDeadline: 4,
      meetingStartsAt: 4,
      meetingEndsAt: 5,
      submissionDeadline: 14,
      consultationsStartAt: 20,
    }),
    meeting: { ...referenceCampaignFile.meeting, capacity: 1 },
    reminders,
  };
}

const complete = {
  organisation: 'Conseil national professionnel.',
  'usages-actuels': "Tri des images par des outils d'IA.",
  freins: "L'accès aux données.",
  leviers: 'Des entrepôts partagés.',
  propositions: 'Un entrepôt national annoté.',
};

describe('a whole campaign over HTTP, with several organisations', () => {
  let amiflow: RunningAmiflow;
  let admin: ApiClient;
  let operator: ApiClient;
  const organisation = new Map<string, ApiClient>();

  const dossierPath = (organisationId: string, rest = '') =>
    dossierPathIn(campaignId, organisationId, rest);
  const stateOf = async (organisationId: string) =>
    (expectOk(await operator.call('GET', dossierPath(organisationId))) as { state: string }).state;
  const reaches = (organisationId: string, state: string) =>
    eventually(`${organisationId} to be ${state}`, async () =>
      (await stateOf(organisationId)) === state ? true : undefined,
    );

  beforeAll(async () => {
    amiflow = await startAmiflow();
    admin = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    for (const organisationId of [
      id('cnp-a'),
      id('cnp-c'),
      id('cnp-d'),
      id('societe-b'),
      id('cnp-e'),
    ]) {
      organisation.set(
        organisationId,
        new ApiClient(amiflow.apiUrl, await tokenFor('organisation', { organisationId })),
      );
    }
  }, 90_000);

  afterAll(async () => {
    await amiflow?.stop();
  });

  it('runs from creation to closed dossiers, each actor through its own routes', async () => {
    // The directory the eligibility check reads, kept by an administrator.
    for (const [name, type] of [
      ['cnp-a', 'CNP'],
      ['cnp-c', 'CNP'],
      ['cnp-d', 'CNP'],
      ['cnp-e', 'CNP'],
      ['societe-b', 'COMPANY'],
    ]) {
      expectOk(
        await admin.call('PUT', `/organisations/${id(name)}`, {
          name: `Organisation ${name}`,
          type,
          email: `${name}@test.example`,
        }),
        201,
      );
    }

    const t0 = Date.now() + 4 * SECOND;
    const definition = campaignFile(t0);
    expectOk(await admin.call('POST', '/campaigns', { campaignId, definition }), 201);
    await publishUntilOpen(admin, operator, campaignId, t0);

    // One seat at the information meeting: the second organisation waits.
    const seat = (organisationId: string) =>
      organisation
        .get(organisationId)!
        .call('PUT', `/campaigns/${campaignId}/meeting/registrations/${organisationId}`, {
          organisationName: `CNP ${organisationId}`,
        });
    expect(expectOk(await seat(id('cnp-a')))).toMatchObject({ status: 'CONFIRMED' });
    expect(expectOk(await seat(id('cnp-c')))).toMatchObject({ status: 'WAITLISTED' });

    const draft = async (organisationId: string, organisationType: string) =>
      expectOk(
        await organisation.get(organisationId)!.call('POST', `/campaigns/${campaignId}/dossiers`, {
          organisationId,
          organisationName: `Organisation ${organisationId}`,
          organisationType,
          profession: organisationId === id('cnp-c') ? 'pediatrie' : 'radiologie',
        }),
        201,
      );
    await draft(id('cnp-a'), 'CNP');
    await draft(id('societe-b'), 'COMPANY');
    await draft(id('cnp-c'), 'CNP');
    await draft(id('cnp-d'), 'CNP');
    await draft(id('cnp-e'), 'CNP');

    const answer = (organisationId: string, answers: Record<string, string>) =>
      organisation
        .get(organisationId)!
        .call('PUT', dossierPath(organisationId, '/answers'), { answers });
    const submit = (organisationId: string) =>
      organisation.get(organisationId)!.call('POST', dossierPath(organisationId, '/submit'));

    expect(expectOk(await answer(id('cnp-a'), complete))).toMatchObject({
      completenessPercent: expect.any(Number),
      missingRequiredSections: [],
    });
    expectOk(await submit(id('cnp-a')));
    expectOk(await answer(id('cnp-c'), complete));
    expectOk(await submit(id('cnp-c')));
    expectOk(await submit(id('societe-b')));
    expectOk(
      await organisation.get(id('cnp-d'))!.call('POST', dossierPath(id('cnp-d'), '/withdraw'), {
        reason: 'Réponse commune avec un autre CNP.',
      }),
    );
    await reaches(id('cnp-a'), 'ELIGIBLE');
    await reaches(id('societe-b'), 'INELIGIBLE');
    // The organisation reads why, in French, where it reads the state.
    expect(
      expectOk(await organisation.get(id('societe-b'))!.call('GET', dossierPath(id('societe-b')))),
    ).toMatchObject({
      state: 'INELIGIBLE',
      eligibility: {
        decision: 'INELIGIBLE',
        reasons: [
          {
            code: 'TYPE_NOT_ELIGIBLE',
            label: expect.stringMatching(/^Ce type d'organisation n'est pas éligible/),
          },
        ],
        overrideReason: null,
      },
    });
    expect(
      expectOk(await organisation.get(id('cnp-a'))!.call('GET', dossierPath(id('cnp-a')))),
    ).toMatchObject({
      state: 'ELIGIBLE',
      eligibility: {
        decision: 'ELIGIBLE',
        reasons: [{ code: 'ELIGIBLE_TYPE', label: "Type d'organisation éligible à cet appel." }],
        overrideReason: null,
      },
    });
    // Both eligible before the two-page listing below counts them.
    await reaches(id('cnp-c'), 'ELIGIBLE');

    // An organisation lists only its own dossier; operators list them all, filtered.
    const own = expectOk(
      await organisation.get(id('cnp-a'))!.call('GET', `/campaigns/${campaignId}/dossiers`),
    );
    expect((own.items as { organisationId: string }[]).map((d) => d.organisationId)).toEqual([
      id('cnp-a'),
    ]);
    const eligible = expectOk(
      await operator.call('GET', `/campaigns/${campaignId}/dossiers?state=ELIGIBLE&limit=1`),
    );
    expect(eligible.items).toHaveLength(1);
    const next = expectOk(
      await operator.call(
        'GET',
        `/campaigns/${campaignId}/dossiers?state=ELIGIBLE&limit=1&cursor=${String(eligible.nextCursor)}`,
      ),
    );
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();

    // cnp-e never submits: it expires at the deadline, after its reminder.
    await until(Date.parse(new Date(t0 + 14 * SECOND).toISOString()));
    await reaches(id('cnp-e'), 'EXPIRED');
    await reaches(id('cnp-a'), 'UNDER_SCREENING');
    // Refused for the reason the organisation can act on: the deadline, not « dossier clos ».
    const late = await submit(id('cnp-e'));
    expect(late).toMatchObject({
      status: 409,
      body: {
        code: 'SUBMISSION_DEADLINE_PASSED',
        message: expect.stringMatching(/étaient à déposer avant le/),
      },
    });
    expect(await answer(id('cnp-e'), { freins: 'Trop tard.' })).toMatchObject({
      status: 409,
      body: { code: 'SUBMISSION_DEADLINE_PASSED' },
    });

    // Screening: A is shortlisted, C is not retained; consultations are planned by themselves.
    expectOk(
      await operator.call('POST', dossierPath(id('cnp-a'), '/screening-result'), {
        result: 'SHORTLISTED',
        note: 'Très pertinent pour la radiologie.',
      }),
    );
    expectOk(
      await operator.call('POST', dossierPath(id('cnp-c'), '/screening-result'), {
        result: 'NOT_RETAINED',
        note: 'Hors du champ.',
      }),
    );
    await eventually('consultations to start', async () =>
      (expectOk(await operator.call('GET', `/campaigns/${campaignId}`)) as { phase: string })
        .phase === 'CONSULTATIONS'
        ? true
        : undefined,
    );
    await reaches(id('cnp-a'), 'CONSULTATION_SCHEDULED');

    // The planner took the next free slot; the operator brings it forward to now.
    const planned = expectOk(await operator.call('GET', dossierPath(id('cnp-a'), '/events')))
      .events as { type: string; data: { consultationId: string; place: string } }[];
    const { consultationId, place } = planned.find(
      (event) => event.type === 'ConsultationScheduled',
    )!.data;
    const startsAt = Date.now() + 2 * SECOND;
    expectOk(
      await operator.call('PUT', dossierPath(id('cnp-a'), '/consultation'), {
        consultationId,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 30 * 60 * SECOND).toISOString(),
        place,
      }),
    );
    await until(startsAt);

    expectOk(
      await operator.call('POST', dossierPath(id('cnp-a'), '/consultation/outcome'), {
        summary: 'Besoin d’un entrepôt d’images annotées.',
        supportFormIds: ['bases-ouvertes'],
      }),
    );
    expectOk(
      await operator.call('POST', dossierPath(id('cnp-a'), '/follow-ups'), {
        followUpId: 'convention',
        title: 'Préparer la convention',
        owner: 'instructeur-1',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    expect(await stateOf(id('cnp-a'))).toBe('FOLLOW_UP');
    expectOk(
      await operator.call('POST', dossierPath(id('cnp-a'), '/follow-ups/convention/complete')),
    );
    expectOk(await operator.call('POST', dossierPath(id('cnp-a'), '/close')));
    expect(await stateOf(id('cnp-a'))).toBe('CLOSED');
    expect(await admin.call('POST', `/campaigns/${campaignId}/close`)).toMatchObject({
      status: 200,
      body: { phase: 'CLOSED' },
    });

    const timeline = expectOk(
      await organisation.get(id('cnp-a'))!.call('GET', dossierPath(id('cnp-a'), '/events')),
    );
    expect((timeline.events as { type: string }[]).map((event) => event.type)).toEqual([
      'DossierDraftCreated',
      'DossierAnswersSaved',
      'DossierSubmitted',
      'DossierEligibilityAssessed',
      'DossierScreeningStarted',
      'DossierScreened',
      'ConsultationScheduled',
      'ConsultationScheduled',
      'DossierConsulted',
      'FollowUpPlanned',
      'FollowUpCompleted',
      'DossierClosed',
    ]);
    // The organisation sees that the ministry screened it, not who, nor the operator's note.
    const screened = (events: unknown) =>
      (events as { type: string; actor: unknown; data: unknown }[]).find(
        (event) => event.type === 'DossierScreened',
      );
    expect(screened(timeline.events)).toMatchObject({
      actor: { id: 'operator', role: 'operator' },
      data: { result: 'SHORTLISTED', by: { id: 'operator', role: 'operator' } },
    });
    expect(JSON.stringify(timeline.events)).not.toContain('Très pertinent');
    const internal = expectOk(await operator.call('GET', dossierPath(id('cnp-a'), '/events')));
    expect(screened(internal.events)).toMatchObject({
      actor: { id: 'operator-test', role: 'operator' },
      data: { note: 'Très pertinent pour la radiologie.' },
    });
    // How the other applicants fare is not the organisations' to see.
    const seenByOrganisation = expectOk(
      await organisation.get(id('cnp-a'))!.call('GET', `/campaigns/${campaignId}`),
    );
    expect(seenByOrganisation.dossierCounts).toEqual({});
    const seenByOperator = expectOk(await operator.call('GET', `/campaigns/${campaignId}`));
    expect(seenByOperator.dossierCounts).toMatchObject({ CLOSED: 1, INELIGIBLE: 1 });

    const synthesis = expectOk(await operator.call('GET', `/campaigns/${campaignId}/synthesis`));
    const byState = Object.fromEntries(
      (synthesis.byState as { state: string; dossiers: number }[]).map((g) => [
        g.state,
        g.dossiers,
      ]),
    );
    expect(byState).toEqual({
      CLOSED: 1,
      NOT_RETAINED: 1,
      INELIGIBLE: 1,
      EXPIRED: 1,
      WITHDRAWN: 1,
    });
    expect(synthesis.bySupportForm).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          supportFormId: 'bases-ouvertes',
          dossiers: 1,
          professions: ['radiologie'],
        }),
      ]),
    );
  }, 120_000);
});
