import { openCampaignDefinition, testActors } from '@amiflow/domain/testing';
import { DataSource } from 'typeorm';
import { EventStore } from '../../event-store/event-store';
import { openTestDataSource } from '../../testing/test-data-source';
import { campaignStream, dossierStream } from '../../testing/test-stream';
import { readModelProjections } from '../read-model-projections';
import { CampaignSummaryQuery } from './campaign-summary.query';

const { admin } = testActors;
const run = Date.now().toString(36);
// Far in the future, so that these campaigns are the newest whatever other tests stored.
const created = (day: number) => new Date(Date.UTC(2099, 0, day, 8));

describe('pages of campaigns', () => {
  let dataSource: DataSource;
  let query: CampaignSummaryQuery;
  const ids = { first: `liste-a-${run}`, second: `liste-b-${run}`, draft: `liste-c-${run}` };

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    query = new CampaignSummaryQuery(dataSource);
    const store = new EventStore(dataSource, readModelProjections);
    const create = async (campaignId: string, day: number, publish: boolean) => {
      const campaign = campaignStream(store, campaignId);
      const definition = openCampaignDefinition(created(day + 2));
      await campaign.run(
        { type: 'CreateCampaign', campaignId, definition, actor: admin },
        created(day),
      );
      if (publish) await campaign.run({ type: 'PublishCampaign', actor: admin }, created(day));
      return definition;
    };
    const definition = await create(ids.first, 1, true);
    await create(ids.second, 2, true);
    await create(ids.draft, 3, false);
    const dossier = dossierStream(store, ids.first, 'cnp-radiologie');
    await dossier.run(
      {
        type: 'CreateDossierDraft',
        campaignId: ids.first,
        organisationId: 'cnp-radiologie',
        organisationName: 'CNP de radiologie',
        organisationType: 'CNP',
        terms: {
          timeZone: definition.timeZone,
          submissionDeadline: definition.calendar.submissionDeadline,
          consultationsStartAt: definition.calendar.consultationsStartAt,
          sections: definition.sections,
          supportFormIds: [],
          reminders: [],
        },
      },
      created(4),
    );
  });
  afterAll(() => dataSource.destroy());

  it('lists the newest campaign first, each with its title, phase, calendar and dossier counts', async () => {
    const page = await query.page({}, 3);
    expect(page.items.map(({ summary }) => [summary.campaignId, summary.phase])).toEqual([
      [ids.draft, 'DRAFT'],
      [ids.second, 'SCHEDULED'],
      [ids.first, 'SCHEDULED'],
    ]);
    const first = page.items[2];
    expect(first.summary).toMatchObject({
      title: expect.stringContaining('intelligence artificielle'),
      timeZone: 'Europe/Paris',
      createdAt: created(1),
      calendar: expect.objectContaining({ opensAt: expect.stringMatching(/Z$/) }),
    });
    expect(first.dossierCounts).toEqual({ DRAFT: 1 });
    expect(page.items[0].dossierCounts).toEqual({});
  });

  it('leaves out the phases it is asked to hide', async () => {
    const page = await query.page({ hiddenPhases: ['DRAFT'] }, 2);
    expect(page.items.map(({ summary }) => summary.campaignId)).toEqual([ids.second, ids.first]);
  });

  it('pages by keyset: the next page starts after the cursor', async () => {
    const firstPage = await query.page({}, 2);
    expect(firstPage.items.map(({ summary }) => summary.campaignId)).toEqual([
      ids.draft,
      ids.second,
    ]);
    expect(firstPage.next).toEqual({
      createdAt: created(2).toISOString(),
      campaignId: ids.second,
    });
    const secondPage = await query.page({}, 1, firstPage.next);
    expect(secondPage.items.map(({ summary }) => summary.campaignId)).toEqual([ids.first]);
  });
});
