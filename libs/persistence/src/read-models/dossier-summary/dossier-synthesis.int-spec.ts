import { OrganisationType } from '@amiflow/domain';
import { openCampaignTerms, testActors } from '@amiflow/domain/testing';
import { DataSource } from 'typeorm';
import { EventStore } from '../../event-store/event-store';
import { openDossierReadModelFixture } from '../../testing/read-model-fixture';
import { dossierStream } from '../../testing/test-stream';
import { DossierSummaryQuery } from './dossier-summary.query';

const { operator } = testActors;
const run = Date.now().toString(36);
const campaignId = `synthese-${run}`;
const otherCampaignId = `synthese-autre-${run}`;
const HOUR = 3_600_000;
// The reference campaign's terms around a fixed instant: deadline a week later, consultations two.
const base = new Date('2019-10-10T08:00:00Z');
const terms = openCampaignTerms(base);
const at = (hours: number) => new Date(base.getTime() + hours * HOUR);

interface Respondent {
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly profession?: string;
}

/** A dossier played from draft to the consultation that retained these support forms. */
async function consulted(
  store: EventStore,
  campaign: string,
  respondent: Respondent,
  supportFormIds: string[],
): Promise<void> {
  const dossier = await drafted(store, campaign, respondent);
  const consultationStart = new Date(Date.parse(terms.consultationsStartAt) + HOUR);
  await dossier.run({ type: 'SubmitDossier' }, at(2));
  await dossier.run(
    { type: 'RecordEligibility', decision: 'ELIGIBLE', reasons: ['ELIGIBLE_TYPE'] },
    at(3),
  );
  await dossier.run({ type: 'StartDossierScreening' }, at(200));
  await dossier.run(
    { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
    at(201),
    operator,
  );
  await dossier.run(
    {
      type: 'ScheduleConsultation',
      consultationId: 'consultation-1',
      startsAt: consultationStart.toISOString(),
      endsAt: new Date(consultationStart.getTime() + HOUR).toISOString(),
      place: 'Ségur, salle 1',
      actor: operator,
    },
    at(202),
    operator,
  );
  await dossier.run(
    {
      type: 'RecordConsultationOutcome',
      summary: 'Besoins confirmés.',
      supportFormIds,
      actor: operator,
    },
    new Date(consultationStart.getTime() + 2 * HOUR),
    operator,
  );
}

async function drafted(store: EventStore, campaign: string, respondent: Respondent) {
  const dossier = dossierStream(store, campaign, respondent.organisationId);
  await dossier.run(
    {
      type: 'CreateDossierDraft',
      campaignId: campaign,
      organisationName: respondent.organisationId,
      terms,
      ...respondent,
    },
    at(1),
  );
  return dossier;
}

describe('the synthesis of a campaign’s dossiers', () => {
  let dataSource: DataSource;
  let query: DossierSummaryQuery;

  beforeAll(async () => {
    const { store, ...opened } = await openDossierReadModelFixture();
    ({ dataSource, query } = opened);
    const cnp = (profession: string, suffix = ''): Respondent => ({
      organisationId: `cnp-${profession}${suffix}`,
      organisationType: 'CNP',
      profession,
    });
    await consulted(store, campaignId, cnp('radiologie'), ['bases-ouvertes', 'challenges']);
    await consulted(store, campaignId, cnp('radiologie', '-bis'), ['challenges']);
    await consulted(store, campaignId, cnp('cardiologie'), ['bases-ouvertes']);
    await consulted(
      store,
      campaignId,
      {
        organisationId: 'college-orthoptie',
        organisationType: 'PROFESSIONAL_COLLEGE',
        profession: 'orthoptie',
      },
      ['subventions'],
    );
    // A federation has no profession of its own: it adds a dossier, never a profession.
    await consulted(
      store,
      campaignId,
      { organisationId: 'fsm', organisationType: 'FEDERATIVE_STRUCTURE' },
      ['bases-ouvertes'],
    );
    await drafted(store, campaignId, cnp('pediatrie'));
    // Another campaign's dossiers never count.
    await consulted(store, otherCampaignId, cnp('orthoptie'), ['subventions', 'challenges']);
  });
  afterAll(() => dataSource.destroy());

  it('counts the dossiers by state', async () => {
    expect((await query.synthesis(campaignId)).byState).toEqual([
      { state: 'CONSULTED', dossiers: 5, submitted: 5 },
      { state: 'DRAFT', dossiers: 1, submitted: 0 },
    ]);
  });

  it('counts the dossiers, and those ever submitted, by profession (none stated last)', async () => {
    expect((await query.synthesis(campaignId)).byProfession).toEqual([
      { profession: 'radiologie', dossiers: 2, submitted: 2 },
      { profession: 'cardiologie', dossiers: 1, submitted: 1 },
      { profession: 'orthoptie', dossiers: 1, submitted: 1 },
      { profession: 'pediatrie', dossiers: 1, submitted: 0 },
      { profession: null, dossiers: 1, submitted: 1 },
    ]);
  });

  it('counts the dossiers by organisation type', async () => {
    expect((await query.synthesis(campaignId)).byOrganisationType).toEqual([
      { organisationType: 'CNP', dossiers: 4, submitted: 3 },
      { organisationType: 'FEDERATIVE_STRUCTURE', dossiers: 1, submitted: 1 },
      { organisationType: 'PROFESSIONAL_COLLEGE', dossiers: 1, submitted: 1 },
    ]);
  });

  it('counts the support forms the consultations retained, with the distinct professions behind each', async () => {
    expect((await query.synthesis(campaignId)).bySupportForm).toEqual([
      { supportFormId: 'bases-ouvertes', dossiers: 3, professions: ['cardiologie', 'radiologie'] },
      { supportFormId: 'challenges', dossiers: 2, professions: ['radiologie'] },
      { supportFormId: 'subventions', dossiers: 1, professions: ['orthoptie'] },
    ]);
  });

  it('answers empty groups for a campaign without dossiers', async () => {
    expect(await query.synthesis(`sans-dossier-${run}`)).toEqual({
      byState: [],
      byProfession: [],
      byOrganisationType: [],
      bySupportForm: [],
    });
  });
});
