import { referenceCampaignFile, toLocalDateTime } from '@amiflow/domain';
import { openTestDataSource } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { tokenFor } from '../support/tokens';

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const zone = 'Europe/Paris';
const run = Date.now().toString(36);
const campaignId = `ami-campagne-${run}`;
// The campaign opens while the test runs: first a draft, then published, then open for dossiers.
const opensIn = 40 * SECOND;

/**
 * The reference campaign file as an administrator would send it, its wall-clock calendar moved
 * to start in a few seconds, and a room of two seats so that the waiting list shows.
 */
function campaignFile(t0: number) {
  const local = (ms: number) => toLocalDateTime(new Date(t0 + ms), zone);
  return {
    ...structuredClone(referenceCampaignFile),
    campaignId,
    localCalendar: {
      opensAt: local(opensIn),
      meetingRegistrationDeadline: local(2 * DAY),
      meetingStartsAt: local(2 * DAY),
      meetingEndsAt: local(2 * DAY + 2 * 3600 * SECOND),
      submissionDeadline: local(7 * DAY),
      consultationsStartAt: local(14 * DAY),
    },
    meeting: { ...referenceCampaignFile.meeting, capacity: 2 },
  };
}

type Body = Record<string, unknown>;

describe('campaigns, their meeting, their synthesis and the directory over HTTP', () => {
  let amiflow: RunningAmiflow;
  let dataSource: DataSource;
  let admin: ApiClient;
  let operator: ApiClient;
  let radiology: ApiClient;
  const t0 = Date.now();
  const file = campaignFile(t0);

  const call = async (client: ApiClient, method: string, path: string, body?: unknown) => {
    const { status, body: answer } = await client.call(method, path, body);
    return { status, body: answer as Body };
  };

  /** Nothing of this campaign was stored: no event, no read model row. */
  const storedEvents = async (id: string) => {
    const [row] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM events WHERE stream_id = $1',
      [`campaign/${id}`],
    );
    return row.count;
  };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    amiflow = await startAmiflow();
    const client = new ApiClient(amiflow.apiUrl);
    admin = client.as(await tokenFor('admin'));
    operator = client.as(await tokenFor('operator'));
    radiology = client.as(await tokenFor('organisation', { organisationId: 'cnp-radiologie' }));
  }, 90_000);

  afterAll(async () => {
    await amiflow?.stop();
    await dataSource?.destroy();
  });

  describe('refusing a bad campaign with the error shape, storing nothing', () => {
    const badId = `ami-refusee-${run}`;
    const shaped = { ...campaignFile(t0), campaignId: badId };

    it.each([
      ['an unknown field', { campaignId: badId, definition: shaped, draft: true }],
      ['a missing definition', { campaignId: badId }],
      ['a definition that is not an object', { campaignId: badId, definition: 'ami' }],
      [
        'an unknown field inside the definition',
        {
          campaignId: badId,
          definition: { ...shaped, meeting: { place: 'Ségur', capacity: 2, x: 1 } },
        },
      ],
      [
        'a date with an offset in the wall-clock calendar',
        {
          campaignId: badId,
          definition: {
            ...shaped,
            localCalendar: { ...shaped.localCalendar, opensAt: '2030-01-01T10:00Z' },
          },
        },
      ],
      [
        'too many sections',
        {
          campaignId: badId,
          definition: {
            ...shaped,
            sections: Array.from({ length: 51 }, (_, i) => ({
              id: `s-${i}`,
              title: 'Section',
              required: false,
            })),
          },
        },
      ],
      ['a campaign id that is not a business key', { campaignId: 'AMI 2019', definition: shaped }],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_, body) => {
      const response = await call(admin, 'POST', '/campaigns', body);
      expect(response).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: expect.any(String),
          details: expect.any(Array),
        },
      });
      expect(await storedEvents(badId)).toBe(0);
    });

    it('refuses dates out of order and an unknown zone with 422 INVALID_CAMPAIGN_DEFINITION and the problems in French', async () => {
      const definition = {
        ...shaped,
        timeZone: 'Europe/Atlantis',
        localCalendar: { ...shaped.localCalendar, submissionDeadline: '2000-01-01T00:00' },
      };
      const unknownZone = await call(admin, 'POST', '/campaigns', {
        campaignId: badId,
        definition,
      });
      expect(unknownZone).toEqual({
        status: 422,
        body: {
          statusCode: 422,
          code: 'INVALID_CAMPAIGN_DEFINITION',
          message: 'Définition de campagne invalide : Fuseau horaire inconnu : Europe/Atlantis.',
          details: ['timeZone : Fuseau horaire inconnu : Europe/Atlantis.'],
          context: {
            problems: [{ path: 'timeZone', message: 'Fuseau horaire inconnu : Europe/Atlantis.' }],
          },
        },
      });
      const outOfOrder = await call(admin, 'POST', '/campaigns', {
        campaignId: badId,
        definition: { ...definition, timeZone: zone },
      });
      expect(outOfOrder.status).toBe(422);
      expect(outOfOrder.body.details).toEqual(
        expect.arrayContaining([
          "calendar.submissionDeadline : La date limite de dépôt doit suivre l'ouverture.",
        ]),
      );
      expect(await storedEvents(badId)).toBe(0);
      expect((await call(admin, 'GET', `/campaigns/${badId}`)).status).toBe(404);
    });

    it('refuses a campaign file that names another campaign', async () => {
      const response = await call(admin, 'POST', '/campaigns', {
        campaignId: badId,
        definition: { ...shaped, campaignId: 'ami-sante-ia-2019' },
      });
      expect(response.status).toBe(422);
      expect(await storedEvents(badId)).toBe(0);
    });

    it('refuses to operators the creation of a campaign', async () => {
      const response = await call(operator, 'POST', '/campaigns', {
        campaignId: badId,
        definition: shaped,
      });
      expect(response.status).toBe(403);
      expect(await storedEvents(badId)).toBe(0);
    });
  });

  describe('a campaign from draft to cancellation', () => {
    it('creates a draft from the campaign file, its calendar resolved to UTC in its zone', async () => {
      const created = await call(admin, 'POST', '/campaigns', { campaignId, definition: file });
      expect(created.status).toBe(201);
      const meetingStart = file.localCalendar.meetingStartsAt;
      expect(created.body).toMatchObject({
        campaignId,
        title: referenceCampaignFile.title,
        phase: 'DRAFT',
        timeZone: zone,
        calendar: {
          opensAt: new Date(t0 + opensIn).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
          meetingStartsAt: expect.stringMatching(/Z$/),
          submissionDeadline: expect.stringMatching(/Z$/),
        },
        calendarInZone: {
          // The wall-clock time of the file, written as a French announcement would.
          meetingStartsAt: expect.stringMatching(
            new RegExp(` à ${Number(meetingStart.slice(11, 13))} h ${meetingStart.slice(14, 16)}$`),
          ),
        },
        meeting: {
          place: referenceCampaignFile.meeting?.place,
          capacity: 2,
          registeredCount: 0,
          waitingListCount: 0,
        },
        dossierCounts: {},
        cancellationReason: null,
      });
      // The instant is the wall-clock time read in Paris.
      const calendar = created.body.calendar as Record<string, string>;
      expect(toLocalDateTime(new Date(calendar.meetingStartsAt), zone)).toBe(meetingStart);
      expect(await call(admin, 'GET', `/campaigns/${campaignId}`)).toEqual({
        status: 200,
        body: created.body,
      });
    });

    it('answers 409 when the campaign exists already', async () => {
      const again = await call(admin, 'POST', '/campaigns', { campaignId, definition: file });
      expect(again).toMatchObject({
        status: 409,
        body: { statusCode: 409, code: 'CAMPAIGN_ALREADY_EXISTS' },
      });
    });

    it('hides a draft from organisations, not from the ministry', async () => {
      expect((await call(radiology, 'GET', `/campaigns/${campaignId}`)).body).toMatchObject({
        statusCode: 404,
        code: 'CAMPAIGN_NOT_FOUND',
      });
      const ids = async (client: ApiClient) =>
        ((await call(client, 'GET', '/campaigns?limit=100')).body.items as Body[]).map(
          (item) => item.campaignId,
        );
      expect(await ids(radiology)).not.toContain(campaignId);
      expect(await ids(operator)).toContain(campaignId);
      const registering = await call(
        radiology,
        'PUT',
        `/campaigns/${campaignId}/meeting/registrations/cnp-radiologie`,
        { organisationName: 'CNP de radiologie' },
      );
      expect(registering.status).toBe(404);
    });

    it('publishes it: organisations see it from then on', async () => {
      const published = await call(admin, 'POST', `/campaigns/${campaignId}/publish`);
      expect(published).toMatchObject({ status: 200, body: { phase: 'SCHEDULED' } });
      expect(await call(radiology, 'GET', `/campaigns/${campaignId}`)).toMatchObject({
        status: 200,
        body: { campaignId, phase: 'SCHEDULED' },
      });
      const list = await call(radiology, 'GET', '/campaigns?limit=100');
      expect(list.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ campaignId, phase: 'SCHEDULED', dossierCounts: {} }),
        ]),
      );
    });

    it('registers organisations for the meeting up to its capacity, then on the waiting list', async () => {
      const register = (client: ApiClient, organisationId: string) =>
        call(client, 'PUT', `/campaigns/${campaignId}/meeting/registrations/${organisationId}`, {
          organisationName: `Organisation ${organisationId}`,
        });
      expect(await register(radiology, 'cnp-radiologie')).toMatchObject({
        status: 200,
        body: { organisationId: 'cnp-radiologie', status: 'CONFIRMED', waitingListPosition: null },
      });
      expect((await register(operator, 'cnp-cardiologie')).body).toMatchObject({
        status: 'CONFIRMED',
      });
      expect((await register(operator, 'cnp-pediatrie')).body).toMatchObject({
        status: 'WAITLISTED',
        waitingListPosition: 1,
      });
      // Registering again answers the registration as it stands.
      expect((await register(radiology, 'cnp-radiologie')).body).toMatchObject({
        status: 'CONFIRMED',
      });
      // An organisation registers only itself.
      expect((await register(radiology, 'cnp-geriatrie')).status).toBe(404);

      const registrations = await call(
        operator,
        'GET',
        `/campaigns/${campaignId}/meeting/registrations`,
      );
      expect(registrations).toMatchObject({
        status: 200,
        body: {
          capacity: 2,
          confirmed: [
            { organisationId: 'cnp-radiologie', registeredAt: expect.stringMatching(/Z$/) },
            { organisationId: 'cnp-cardiologie' },
          ],
          waitingList: [{ organisationId: 'cnp-pediatrie', waitingListPosition: 1 }],
        },
      });
      expect((await call(admin, 'GET', `/campaigns/${campaignId}`)).body.meeting).toEqual({
        place: referenceCampaignFile.meeting?.place,
        capacity: 2,
        registeredCount: 2,
        waitingListCount: 1,
      });
    });

    it('moves the first on the waiting list up when a confirmed organisation cancels', async () => {
      const cancelled = await call(
        radiology,
        'DELETE',
        `/campaigns/${campaignId}/meeting/registrations/cnp-radiologie`,
      );
      expect(cancelled.status).toBe(204);
      const registrations = await call(
        operator,
        'GET',
        `/campaigns/${campaignId}/meeting/registrations`,
      );
      expect(registrations.body).toMatchObject({
        confirmed: [{ organisationId: 'cnp-cardiologie' }, { organisationId: 'cnp-pediatrie' }],
        waitingList: [],
      });
      const again = await call(
        radiology,
        'DELETE',
        `/campaigns/${campaignId}/meeting/registrations/cnp-radiologie`,
      );
      expect(again).toMatchObject({
        status: 404,
        body: { code: 'MEETING_REGISTRATION_NOT_FOUND' },
      });
    });

    it('moves the submission deadline, given with any offset, and answers it in UTC', async () => {
      const previous = (await call(admin, 'GET', `/campaigns/${campaignId}`)).body
        .calendar as Record<string, string>;
      const later = new Date(Date.parse(previous.submissionDeadline) + DAY);
      // The same instant written in Indian time (UTC+05:30).
      const inKolkata = `${new Date(later.getTime() + 330 * 60_000).toISOString().slice(0, 19)}+05:30`;
      const changed = await call(admin, 'POST', `/campaigns/${campaignId}/calendar-changes`, {
        changes: { submissionDeadline: inKolkata },
        reason: 'Un jour de plus pour les collèges.',
      });
      expect(changed.status).toBe(200);
      expect(changed.body.calendar).toEqual({
        ...previous,
        submissionDeadline: later.toISOString(),
      });
    });

    it.each([
      ['no date', { changes: {}, reason: 'Rien.' }],
      [
        'a date without offset',
        { changes: { submissionDeadline: '2030-01-01T10:00' }, reason: 'x' },
      ],
      [
        'a date that does not exist',
        { changes: { submissionDeadline: '2030-02-30T10:00Z' }, reason: 'x' },
      ],
      ['an unknown date', { changes: { closesAt: '2030-01-01T10:00Z' }, reason: 'x' }],
      ['no reason', { changes: { submissionDeadline: '2030-01-01T10:00Z' } }],
    ])('refuses a calendar change with %s (400), the calendar unchanged', async (_, body) => {
      const before = (await call(admin, 'GET', `/campaigns/${campaignId}`)).body.calendar;
      const response = await call(admin, 'POST', `/campaigns/${campaignId}/calendar-changes`, body);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((await call(admin, 'GET', `/campaigns/${campaignId}`)).body.calendar).toEqual(before);
    });

    it('refuses a change that puts the deadline before the meeting as it refuses such a file: 422 INVALID_CAMPAIGN_DEFINITION, the problems from the workflow', async () => {
      const onChange = await call(admin, 'POST', `/campaigns/${campaignId}/calendar-changes`, {
        changes: { submissionDeadline: new Date(t0 + DAY).toISOString() },
        reason: 'Dans le désordre.',
      });
      const line =
        'calendar.submissionDeadline : La date limite de dépôt doit suivre le début de la réunion.';
      // Refused by the campaign's workflow: the problems crossed Temporal as the failure's details.
      expect(onChange).toMatchObject({
        status: 422,
        body: {
          statusCode: 422,
          code: 'INVALID_CAMPAIGN_DEFINITION',
          details: expect.arrayContaining([line]),
          context: { problems: expect.any(Array) },
        },
      });
      // The same calendar in a new file: refused by the API before any workflow, alike.
      const otherId = `ami-desordre-${run}`;
      const onCreation = await call(admin, 'POST', '/campaigns', {
        campaignId: otherId,
        definition: {
          ...file,
          campaignId: otherId,
          localCalendar: {
            ...file.localCalendar,
            submissionDeadline: toLocalDateTime(new Date(t0 + DAY), zone),
          },
        },
      });
      expect(onCreation).toEqual(onChange);
      expect(await storedEvents(otherId)).toBe(0);
    });

    it('answers a refusal decided by the workflow with its details as context', async () => {
      const again = await call(admin, 'POST', `/campaigns/${campaignId}/publish`);
      expect(again).toEqual({
        status: 409,
        body: {
          statusCode: 409,
          code: 'TRANSITION_NOT_ALLOWED',
          message: expect.stringMatching(/^Impossible de publier la campagne/),
          context: { phase: expect.stringMatching(/^(SCHEDULED|OPEN)$/) },
        },
      });
    });

    it('opens at its date; the synthesis counts its dossiers by state, profession and type', async () => {
      const phase = async () =>
        (await call(operator, 'GET', `/campaigns/${campaignId}`)).body.phase as string;
      await eventually(
        'the campaign to open',
        async () => ((await phase()) === 'OPEN' ? true : undefined),
        t0 + opensIn + 60 * SECOND - Date.now(),
      );
      for (const [organisationId, profession] of [
        ['cnp-radiologie', 'radiologie'],
        ['cnp-cardiologie', 'cardiologie'],
      ]) {
        const draft = await call(operator, 'POST', `/campaigns/${campaignId}/dossiers`, {
          organisationId,
          organisationName: `CNP de ${profession}`,
          organisationType: 'CNP',
          profession,
        });
        expect(draft.status).toBe(201);
      }
      const synthesis = await call(operator, 'GET', `/campaigns/${campaignId}/synthesis`);
      expect(synthesis.status).toBe(200);
      expect(synthesis.body).toMatchObject({
        campaignId,
        totalDossiers: 2,
        byState: [{ state: 'DRAFT', dossiers: 2, submitted: 0 }],
        byProfession: [
          { profession: 'cardiologie', dossiers: 1, submitted: 0 },
          { profession: 'radiologie', dossiers: 1, submitted: 0 },
        ],
        byOrganisationType: [{ organisationType: 'CNP', dossiers: 2, submitted: 0 }],
        sharedDemands: [],
      });
      // Every support form of the campaign, none retained before any consultation.
      expect(synthesis.body.bySupportForm).toEqual(
        referenceCampaignFile.supportForms.map(({ id, label }) => ({
          supportFormId: id,
          label,
          dossiers: 0,
          professions: [],
        })),
      );
      expect((await call(admin, 'GET', `/campaigns/${campaignId}`)).body.dossierCounts).toEqual({
        DRAFT: 2,
      });
      expect((await call(radiology, 'GET', `/campaigns/${campaignId}/synthesis`)).status).toBe(403);
    }, 120_000);

    it('lists the deliveries that failed (none here)', async () => {
      expect(await call(operator, 'GET', `/campaigns/${campaignId}/deliveries/failures`)).toEqual({
        status: 200,
        body: { items: [] },
      });
      expect(
        (await call(operator, 'GET', `/campaigns/nowhere-${run}/deliveries/failures`)).status,
      ).toBe(404);
    });

    it('cancels the campaign with its reason; it takes no command after that', async () => {
      expect((await call(admin, 'POST', `/campaigns/${campaignId}/cancel`, {})).status).toBe(400);
      const cancelled = await call(admin, 'POST', `/campaigns/${campaignId}/cancel`, {
        reason: 'Le programme est suspendu.',
      });
      expect(cancelled).toMatchObject({
        status: 200,
        body: { phase: 'CANCELLED', cancellationReason: 'Le programme est suspendu.' },
      });
      const publish = await call(admin, 'POST', `/campaigns/${campaignId}/publish`);
      expect(publish).toMatchObject({ status: 409, body: { code: 'TRANSITION_NOT_ALLOWED' } });
    });

    it('answers 404 CAMPAIGN_NOT_FOUND for commands to a campaign that does not exist', async () => {
      expect(await call(admin, 'POST', `/campaigns/nowhere-${run}/publish`)).toEqual({
        status: 404,
        body: { statusCode: 404, code: 'CAMPAIGN_NOT_FOUND', message: expect.any(String) },
      });
    });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const document = await call(admin, 'GET', '/api/docs-json');
    expect(Object.keys(document.body.paths as Body)).toEqual(
      expect.arrayContaining([
        '/campaigns',
        '/campaigns/{campaignId}',
        '/campaigns/{campaignId}/publish',
        '/campaigns/{campaignId}/calendar-changes',
        '/campaigns/{campaignId}/cancel',
        '/campaigns/{campaignId}/meeting/registrations',
        '/campaigns/{campaignId}/meeting/registrations/{organisationId}',
        '/campaigns/{campaignId}/deliveries/failures',
        '/campaigns/{campaignId}/synthesis',
        '/organisations',
        '/organisations/{organisationId}',
      ]),
    );
  });

  describe('the directory of organisations', () => {
    const newcomer = `college-test-${run}`;
    const entry = {
      name: 'Collège de test',
      type: 'PROFESSIONAL_COLLEGE',
      profession: 'orthoptie',
      identifiers: { siren: '123456789' },
      professionHasCnp: false,
      email: 'contact@college-test.example',
    };

    it('lists it by page, filtered by type', async () => {
      const first = await call(operator, 'GET', '/organisations?type=CNP&limit=2');
      expect(first.status).toBe(200);
      const items = first.body.items as Body[];
      expect(items).toHaveLength(2);
      expect(items.every((item) => item.type === 'CNP')).toBe(true);
      expect(first.body.nextCursor).toBe(items[1].organisationId);
      const second = await call(
        operator,
        'GET',
        `/organisations?type=CNP&limit=2&cursor=${String(first.body.nextCursor)}`,
      );
      const next = String((second.body.items as Body[])[0].organisationId);
      expect(next > String(items[1].organisationId)).toBe(true);
      expect((await call(operator, 'GET', '/organisations?limit=1000')).status).toBe(400);
      expect((await call(operator, 'GET', '/organisations?type=GUILD')).status).toBe(400);
      expect((await call(radiology, 'GET', '/organisations')).status).toBe(403);
    });

    it('reads one entry; an organisation reads only its own', async () => {
      expect(await call(radiology, 'GET', '/organisations/cnp-radiologie')).toMatchObject({
        status: 200,
        body: { organisationId: 'cnp-radiologie', type: 'CNP', parentFederationId: 'fsm' },
      });
      expect((await call(radiology, 'GET', '/organisations/cnp-cardiologie')).status).toBe(404);
      expect(await call(operator, 'GET', `/organisations/${newcomer}`)).toMatchObject({
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND' },
      });
    });

    it('creates an entry (201), then replaces it (200)', async () => {
      const created = await call(admin, 'PUT', `/organisations/${newcomer}`, entry);
      expect(created).toEqual({
        status: 201,
        body: {
          organisationId: newcomer,
          ...entry,
          parentFederationId: null,
          updatedAt: expect.stringMatching(/Z$/),
        },
      });
      const replaced = await call(admin, 'PUT', `/organisations/${newcomer}`, {
        name: 'Collège de test, renommé',
        type: 'PROFESSIONAL_COLLEGE',
      });
      expect(replaced).toMatchObject({
        status: 200,
        body: { name: 'Collège de test, renommé', profession: null, email: null, identifiers: {} },
      });
    });

    it.each([
      ['an unknown type', { ...entry, type: 'GUILD' }],
      ['a missing name', { type: 'CNP' }],
      ['an invalid email', { ...entry, email: 'pas une adresse' }],
      [
        'too many identifiers',
        {
          ...entry,
          identifiers: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`id${i}`, 'x'])),
        },
      ],
      ['an unknown field', { ...entry, eligible: true }],
    ])('refuses an entry with %s (400) and stores nothing', async (_, body) => {
      const id = `refusee-${run}`;
      const response = await call(admin, 'PUT', `/organisations/${id}`, body);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((await call(admin, 'GET', `/organisations/${id}`)).status).toBe(404);
    });

    it('refuses a parent federation that is not a listed federative structure (422)', async () => {
      const id = `cnp-test-${run}`;
      for (const parentFederationId of [`absente-${run}`, 'cnp-radiologie', id]) {
        const response = await call(admin, 'PUT', `/organisations/${id}`, {
          name: 'CNP de test',
          type: 'CNP',
          parentFederationId,
        });
        expect(response).toMatchObject({
          status: 422,
          body: {
            code: 'INVALID_PARENT_FEDERATION',
            details: [expect.stringMatching(/^parentFederationId : /)],
            context: { parentFederationId },
          },
        });
      }
      expect((await call(admin, 'GET', `/organisations/${id}`)).status).toBe(404);
      // A federation of this run's own: the seeded ones keep the members the other tests count.
      const federation = `federation-${run}`;
      await call(admin, 'PUT', `/organisations/${federation}`, {
        name: 'Fédération de test',
        type: 'FEDERATIVE_STRUCTURE',
      });
      const attached = await call(admin, 'PUT', `/organisations/${id}`, {
        name: 'CNP de test',
        type: 'CNP',
        parentFederationId: federation,
      });
      expect(attached).toMatchObject({ status: 201, body: { parentFederationId: federation } });
    });

    it('lets only administrators write it', async () => {
      expect((await call(operator, 'PUT', `/organisations/${newcomer}`, entry)).status).toBe(403);
    });
  });
});
