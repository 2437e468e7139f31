import { OrganisationType } from '@amiflow/domain';
import { openCampaignTerms } from '@amiflow/domain/testing';
import { DataSource } from 'typeorm';
import { openDossierReadModelFixture } from '../../testing/read-model-fixture';
import { dossierStream } from '../../testing/test-stream';
import { readModelProjections } from '../read-model-projections';
import { rebuildReadModels } from '../rebuild-read-models';
import {
  DossierPageFilter,
  DossierSummaryQuery,
  dossierPageStatement,
} from './dossier-summary.query';

const run = Date.now().toString(36);
const campaignId = `recherche-${run}`;
const crowdedCampaignId = `recherche-foule-${run}`;
const base = new Date('2019-10-10T08:00:00Z');
const terms = openCampaignTerms(base);

const RESPONDENTS: {
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  profession?: string;
}[] = [
  {
    organisationId: 'cnp-pediatrie',
    organisationName: 'Conseil national professionnel de pédiatrie',
    organisationType: 'CNP',
    profession: 'pédiatrie',
  },
  {
    organisationId: 'fsm',
    organisationName: 'Fédération des spécialités médicales',
    organisationType: 'FEDERATIVE_STRUCTURE',
  },
  {
    organisationId: 'college-coelioscopie',
    organisationName: 'Collège national de CŒLIOSCOPIE',
    organisationType: 'PROFESSIONAL_COLLEGE',
    profession: 'Cœlioscopie',
  },
  {
    organisationId: 'cnp-aesculape',
    organisationName: "Conseil national d'Æsculape",
    organisationType: 'CNP',
    profession: 'æsculapie',
  },
  {
    organisationId: 'cnp-cardiologie',
    organisationName: 'Conseil national professionnel de cardiologie',
    organisationType: 'CNP',
    profession: 'cardiologie',
  },
];

describe('searching dossiers whatever the case, accents and ligatures', () => {
  let dataSource: DataSource;
  let query: DossierSummaryQuery;

  const found = async (filter: Omit<DossierPageFilter, 'campaignId'>) =>
    (await query.page({ campaignId, ...filter }, { limit: 50, now: new Date() })).items
      .map((item) => item.organisationId)
      .sort();

  beforeAll(async () => {
    const { store, ...opened } = await openDossierReadModelFixture();
    ({ dataSource, query } = opened);
    for (const respondent of RESPONDENTS) {
      await dossierStream(store, campaignId, respondent.organisationId).run(
        { type: 'CreateDossierDraft', campaignId, terms, ...respondent },
        new Date(base.getTime() + 3_600_000),
      );
    }
  });
  afterAll(() => dataSource.destroy());

  it.each([
    ['pediatrie', ['cnp-pediatrie']],
    ['PEDIATRIE', ['cnp-pediatrie']],
    ['pédiatrie', ['cnp-pediatrie']],
    ['Pédiatrie', ['cnp-pediatrie']],
    ['federation', ['fsm']],
    ['FÉDÉRATION des', ['fsm']],
    ['specialites medicales', ['fsm']],
  ])('finds a name by its words without their accents or case: text=%s', async (text, ids) => {
    expect(await found({ text })).toEqual(ids);
  });

  it.each([
    ['coelioscopie', ['college-coelioscopie']],
    ['cœlio', ['college-coelioscopie']],
    ['Œlio', ['college-coelioscopie']],
    ['aesculape', ['cnp-aesculape']],
    ['ÆSCULAPE', ['cnp-aesculape']],
  ])('finds a name by its ligature spelt out, or not: text=%s', async (text, ids) => {
    expect(await found({ text })).toEqual(ids);
  });

  it.each([
    ['pediatrie', ['cnp-pediatrie']],
    ['PÉDIATRIE', ['cnp-pediatrie']],
    ['coelioscopie', ['college-coelioscopie']],
    ['aesculapie', ['cnp-aesculape']],
    ['cardiologie', ['cnp-cardiologie']],
    ['pediatr', []],
  ])(
    'filters by profession whatever its case and accents: profession=%s',
    async (profession, ids) => {
      expect(await found({ profession })).toEqual(ids);
    },
  );

  it('keeps LIKE wildcards typed by an operator literal', async () => {
    expect(await found({ text: '%' })).toEqual([]);
    expect(await found({ text: 'p_diatrie' })).toEqual([]);
  });

  it('fills the searched columns again when the read models are rebuilt (the backfill)', async () => {
    // As rows written before the migration are: searched columns empty.
    await dataSource.query(
      `UPDATE dossier_summaries SET search_name = NULL, search_profession = NULL
        WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(await found({ text: 'pediatrie' })).toEqual([]);
    await rebuildReadModels(dataSource, readModelProjections, { replace: true });
    expect(await found({ text: 'pediatrie' })).toEqual(['cnp-pediatrie']);
    expect(await found({ profession: 'coelioscopie' })).toEqual(['college-coelioscopie']);
    // A rebuild replays every event of the shared test database, not only this campaign's.
  }, 60_000);

  it('serves a name search from the trigram index of the searched column', async () => {
    // Enough rows in one campaign for the planner to prefer an index to reading the campaign.
    await dataSource.query(
      `INSERT INTO dossier_summaries
         (stream_id, campaign_id, organisation_id, organisation_name, organisation_type,
          profession, state, completeness_percent, missing_required_sections, created_at,
          last_change_at, last_event_type, version, snapshot, search_name, search_profession)
       SELECT 'bench-' || $1 || '-' || n, $1, 'cnp-' || n, 'Conseil national ' || n, 'CNP',
              'spécialité ' || (n % 40), 'DRAFT', 0, '{}', now(), now(), 'DossierDraftCreated',
              1, '{}'::jsonb, 'conseil national ' || n, 'specialite ' || (n % 40)
         FROM generate_series(1, 20000) AS n`,
      [crowdedCampaignId],
    );
    await dataSource.query('ANALYZE dossier_summaries');
    const { sql, params } = dossierPageStatement(
      { campaignId: crowdedCampaignId, text: 'Nationàl 1234' },
      { limit: 50, now: new Date() },
    );
    const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, params);
    // Rows without events: a later rebuild of the read models in this database would not have them.
    await dataSource.query('DELETE FROM dossier_summaries WHERE campaign_id = $1', [
      crowdedCampaignId,
    ]);
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain(
      'dossier_summaries_by_search_name_trigrams',
    );
  });
});
