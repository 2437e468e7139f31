import { CreateDossierDraft, dossierTermsOf, isCampaign, referenceCampaign } from '@amiflow/domain';
import { testActors } from '@amiflow/domain/testing';
import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { openTestDataSource, truncateAll } from '../testing/test-data-source';
import { campaignStream, dossierStream } from '../testing/test-stream';
import { readModelProjections } from './read-model-projections';
import { rebuildReadModels } from './rebuild-read-models';

const { admin, operator } = testActors;
const campaignId = referenceCampaign.campaignId;
// The reference campaign, with a small room so that the waiting list shows.
const definition = {
  ...referenceCampaign.definition,
  meeting: { place: '20, avenue de Ségur, 75007 Paris', capacity: 2 },
};

describe('read models projected with the events', () => {
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    store = new EventStore(dataSource, readModelProjections);
    await truncateAll(dataSource);
    await playCampaign(store);
  });
  afterAll(() => dataSource.destroy());

  it('keeps the campaign summary: phase and the calendar in force, in UTC', async () => {
    const rows = await dataSource.query<Record<string, unknown>[]>(
      `SELECT campaign_id, phase, time_zone, meeting_starts_at, submission_deadline, version
         FROM campaign_summaries`,
    );
    expect(rows).toEqual([
      {
        campaign_id: campaignId,
        phase: 'SUBMISSIONS_CLOSED',
        time_zone: 'Europe/Paris',
        meeting_starts_at: new Date('2019-10-29T12:45:00Z'),
        // Extended by a day while the campaign was open.
        submission_deadline: new Date('2019-11-15T23:00:00Z'),
        version: 11,
      },
    ]);
  });

  it('counts dossiers by state, equal to counting the summaries themselves', async () => {
    const counts = await dataSource.query<{ state: string; count: number }[]>(
      `SELECT state, count FROM campaign_dossier_counts WHERE count > 0 ORDER BY state`,
    );
    expect(counts).toEqual([
      { state: 'ELIGIBLE', count: 2 },
      { state: 'EXPIRED', count: 1 },
      { state: 'WITHDRAWN', count: 1 },
    ]);
    const grouped = await dataSource.query<{ state: string; count: number }[]>(
      `SELECT state, count(*)::int AS count FROM dossier_summaries GROUP BY state ORDER BY state`,
    );
    expect(grouped).toEqual(counts);
  });

  it('keeps each dossier summary: type, profession, state, completeness, deadline, last change', async () => {
    const rows = await dataSource.query<Record<string, unknown>[]>(
      `SELECT organisation_id, organisation_type, profession, state, completeness_percent,
              missing_required_sections, submitted_at, last_change_at, last_event_type
         FROM dossier_summaries ORDER BY organisation_id`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        organisation_id: 'cnp-radiologie',
        organisation_type: 'CNP',
        profession: 'radiologie',
        state: 'ELIGIBLE',
        completeness_percent: 22,
        missing_required_sections: ['usages-actuels', 'freins', 'leviers'],
        submitted_at: new Date('2019-11-10T09:00:00Z'),
        last_change_at: new Date('2019-11-10T09:00:05Z'),
        last_event_type: 'DossierEligibilityAssessed',
      }),
      expect.objectContaining({
        organisation_id: 'college-orthoptie',
        state: 'ELIGIBLE',
        last_event_type: 'DossierEligibilityOverridden',
      }),
      expect.objectContaining({ organisation_id: 'fsm', state: 'WITHDRAWN' }),
      expect.objectContaining({
        organisation_id: 'societe-imagerie',
        organisation_type: 'COMPANY',
        state: 'EXPIRED',
      }),
    ]);
  });

  it('shows the next deadline of a draft, and none once it is submitted', async () => {
    const drafts = await dataSource.query<{ next_deadline: Date | null }[]>(
      `SELECT next_deadline FROM dossier_summaries WHERE organisation_id = 'cnp-radiologie'`,
    );
    expect(drafts).toEqual([{ next_deadline: null }]);
  });

  it('lists meeting registrations confirmed first, the waiting list moved up after a cancellation', async () => {
    const rows = await dataSource.query<Record<string, unknown>[]>(
      `SELECT organisation_id, status, position FROM meeting_registrations ORDER BY position`,
    );
    expect(rows).toEqual([
      { organisation_id: 'college-orthoptie', status: 'CONFIRMED', position: 1 },
      { organisation_id: 'fsm', status: 'CONFIRMED', position: 2 },
      { organisation_id: 'cnp-cardiologie', status: 'WAITLISTED', position: 3 },
    ]);
  });

  it('rebuilds from the events read models equal to the live ones', async () => {
    const report = await rebuildReadModels(dataSource, readModelProjections);
    expect(report.identical).toBe(true);
    expect(report.events).toBeGreaterThan(20);
    expect(report.tables.map((table) => table.table)).toEqual([
      'campaign_summaries',
      'meeting_registrations',
      'dossier_summaries',
      'campaign_dossier_counts',
      'dossier_due_items',
      'dossier_reviewers',
    ]);
    expect(report.tables.every((table) => table.liveRows === table.rebuiltRows)).toBe(true);
  });

  it('finds a damaged read model, and repairs it when asked to replace', async () => {
    await dataSource.query(
      `UPDATE dossier_summaries SET state = 'CLOSED' WHERE organisation_id = 'fsm'`,
    );
    const found = await rebuildReadModels(dataSource, readModelProjections);
    expect(found.identical).toBe(false);
    expect(found.tables.find((table) => table.table === 'dossier_summaries')).toMatchObject({
      onlyLive: 1,
      onlyRebuilt: 1,
    });

    const repaired = await rebuildReadModels(dataSource, readModelProjections, { replace: true });
    expect(repaired).toMatchObject({ identical: true, replaced: true });
    const [fsm] = await dataSource.query<{ state: string }[]>(
      `SELECT state FROM dossier_summaries WHERE organisation_id = 'fsm'`,
    );
    expect(fsm.state).toBe('WITHDRAWN');
  });
});

/** The reference campaign from opening to the close of submissions, with four organisations. */
async function playCampaign(store: EventStore): Promise<void> {
  const campaign = campaignStream(store, campaignId);
  await campaign.run(
    { type: 'CreateCampaign', campaignId, definition, actor: admin },
    '2019-10-01T08:00:00Z',
  );
  await campaign.run({ type: 'PublishCampaign', actor: admin }, '2019-10-02T08:00:00Z');
  await campaign.run({ type: 'OpenCampaign' }, '2019-10-08T22:00:00Z');
  const register = (organisationId: string, at: string) =>
    campaign.run(
      { type: 'RegisterForMeeting', organisationId, organisationName: organisationId },
      at,
    );
  await register('cnp-radiologie', '2019-10-10T08:00:00Z');
  await register('college-orthoptie', '2019-10-11T08:00:00Z');
  await register('fsm', '2019-10-12T08:00:00Z');
  await register('cnp-cardiologie', '2019-10-13T08:00:00Z');
  await campaign.run(
    { type: 'CancelMeetingRegistration', organisationId: 'cnp-radiologie' },
    '2019-10-20T08:00:00Z',
  );
  await campaign.run(
    {
      type: 'ChangeCampaignCalendar',
      changes: { submissionDeadline: '2019-11-15T23:00:00.000Z' },
      reason: 'Grève des transports : un jour de plus.',
      actor: admin,
    },
    '2019-11-05T10:00:00Z',
  );
  if (!isCampaign(campaign.state)) throw new Error('campaign not created');
  const terms = dossierTermsOf(campaign.state);

  /** A dossier of this campaign, its draft created at `at` by this organisation. */
  const drafted = async (
    organisation: Pick<
      CreateDossierDraft,
      'organisationId' | 'organisationName' | 'organisationType' | 'profession'
    >,
    at: string,
  ) => {
    const dossier = dossierStream(store, campaignId, organisation.organisationId);
    await dossier.run({ type: 'CreateDossierDraft', campaignId, ...organisation, terms }, at);
    return dossier;
  };

  const radiology = await drafted(
    {
      organisationId: 'cnp-radiologie',
      organisationName: 'Conseil national professionnel de radiologie',
      organisationType: 'CNP',
      profession: 'radiologie',
    },
    '2019-10-15T08:00:00Z',
  );
  await radiology.run(
    {
      type: 'SaveAnswers',
      answers: { organisation: 'CNP de radiologie', propositions: 'Un entrepôt d’images.' },
    },
    '2019-11-01T08:00:00Z',
  );
  await radiology.run({ type: 'SubmitDossier' }, '2019-11-10T09:00:00Z');
  await radiology.run(
    { type: 'RecordEligibility', decision: 'ELIGIBLE', reasons: ['ELIGIBLE_TYPE'] },
    '2019-11-10T09:00:05Z',
  );

  const orthoptics = await drafted(
    {
      organisationId: 'college-orthoptie',
      organisationName: 'Collège des orthoptistes',
      organisationType: 'PROFESSIONAL_COLLEGE',
      profession: 'orthoptie',
    },
    '2019-10-16T08:00:00Z',
  );
  await orthoptics.run({ type: 'SubmitDossier' }, '2019-11-12T08:00:00Z');
  await orthoptics.run(
    { type: 'RecordEligibility', decision: 'NEEDS_REVIEW', reasons: ['CONDITION_UNKNOWN'] },
    '2019-11-12T08:00:01Z',
  );
  await orthoptics.run(
    {
      type: 'OverrideEligibility',
      decision: 'ELIGIBLE',
      reason: "L'orthoptie n'a pas de CNP (vérifié).",
      actor: operator,
    },
    '2019-11-13T10:00:00Z',
    operator,
  );

  const federation = await drafted(
    {
      organisationId: 'fsm',
      organisationName: 'Fédération des spécialités médicales',
      organisationType: 'FEDERATIVE_STRUCTURE',
    },
    '2019-10-17T08:00:00Z',
  );
  await federation.run(
    { type: 'WithdrawDossier', reason: 'Réponse commune avec les CNP.' },
    '2019-11-02T08:00:00Z',
  );

  const company = await drafted(
    {
      organisationId: 'societe-imagerie',
      organisationName: 'Société d’imagerie SAS',
      organisationType: 'COMPANY',
    },
    '2019-10-18T08:00:00Z',
  );
  await campaign.run({ type: 'CloseSubmissions' }, '2019-11-15T23:00:00Z');
  await company.run(
    {
      type: 'ApplyCampaignCalendar',
      submissionDeadline: '2019-11-15T23:00:00.000Z',
      consultationsStartAt: terms.consultationsStartAt,
    },
    '2019-11-05T10:00:01Z',
  );
  await company.run({ type: 'ExpireDraft' }, '2019-11-15T23:00:00Z');
}
