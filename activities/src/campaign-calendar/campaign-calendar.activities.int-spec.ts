import { randomUUID } from 'node:crypto';
import { CalendarChangedSignal, CampaignCalendarInput } from '@amiflow/contracts';
import { EvaluationGrid } from '@amiflow/domain';
import { openCampaignDefinition, testActors } from '@amiflow/domain/testing';
import { CampaignSummaryQuery, EventStore, readModelProjections } from '@amiflow/persistence';
import { campaignStream, openCampaignOn, openTestDataSource } from '@amiflow/persistence/testing';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import { createCampaignCalendarActivities } from './campaign-calendar.activities';

const MINUTE = 60_000;
const { admin } = testActors;

/**
 * What a dossier reads before acting on a campaign date, or when told its grid changed: the
 * calendar and the grid in force in PostgreSQL, which an acknowledged change has reached even
 * when no signal has reached the dossier yet.
 */
describe('reading the campaign calendar and grid in force, in an activity context', () => {
  let dataSource: DataSource;
  let store: EventStore;
  let currentCampaignCalendar: (input: CampaignCalendarInput) => Promise<CalendarChangedSignal>;
  let currentEvaluationGrid: (input: CampaignCalendarInput) => Promise<EvaluationGrid | null>;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    store = new EventStore(dataSource, readModelProjections);
    const activities = createCampaignCalendarActivities(new CampaignSummaryQuery(dataSource));
    currentCampaignCalendar = (input) => activities.currentCampaignCalendar(input);
    currentEvaluationGrid = (input) => activities.currentEvaluationGrid(input);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  /** An open campaign, stored as its workflow would store it. */
  async function openCampaign() {
    const campaignId = `ami-calendar-${randomUUID().slice(0, 8)}`;
    const now = new Date();
    const definition = openCampaignDefinition(now);
    const campaign = campaignStream(store, campaignId);
    await openCampaignOn(campaign, campaignId, definition, now);
    return {
      campaignId,
      campaign,
      calendar: definition.calendar,
      grid: definition.evaluationGrid,
      now,
    };
  }

  const later = (instant: string, minutes: number) =>
    new Date(Date.parse(instant) + minutes * MINUTE).toISOString();

  it('answers with a deadline extended a moment ago, on every attempt', async () => {
    const { campaignId, campaign, calendar, now } = await openCampaign();
    expect(
      await new MockActivityEnvironment().run(currentCampaignCalendar, { campaignId }),
    ).toEqual({
      submissionDeadline: calendar.submissionDeadline,
      consultationsStartAt: calendar.consultationsStartAt,
    });

    const extended = later(calendar.submissionDeadline, 5);
    await campaign.run(
      {
        type: 'ChangeCampaignCalendar',
        changes: { submissionDeadline: extended },
        reason: 'Report de la date limite.',
        actor: admin,
      },
      now,
      admin,
    );

    const first = await new MockActivityEnvironment({ attempt: 1 }).run(currentCampaignCalendar, {
      campaignId,
    });
    const retried = await new MockActivityEnvironment({ attempt: 2 }).run(currentCampaignCalendar, {
      campaignId,
    });
    expect(first).toEqual({
      submissionDeadline: extended,
      consultationsStartAt: calendar.consultationsStartAt,
    });
    expect(retried).toEqual(first);
  });

  it('answers with a consultations start moved earlier', async () => {
    const { campaignId, campaign, calendar, now } = await openCampaign();
    const earlier = later(calendar.consultationsStartAt, -60);
    await campaign.run(
      {
        type: 'ChangeCampaignCalendar',
        changes: { consultationsStartAt: earlier },
        reason: 'Consultations avancées.',
        actor: admin,
      },
      now,
      admin,
    );
    expect(
      await new MockActivityEnvironment().run(currentCampaignCalendar, { campaignId }),
    ).toEqual({ submissionDeadline: calendar.submissionDeadline, consultationsStartAt: earlier });
  });

  it('answers with the evaluation grid changed a moment ago while the campaign is open, or none', async () => {
    const { campaignId, campaign, grid, now } = await openCampaign();
    const read = () => new MockActivityEnvironment().run(currentEvaluationGrid, { campaignId });
    expect(await read()).toEqual(grid);
    const reference = grid as EvaluationGrid;
    const even: EvaluationGrid = {
      ...reference,
      criteria: reference.criteria.map((criterion) => ({ ...criterion, weight: 1 })),
    };
    await campaign.run(
      { type: 'ChangeEvaluationGrid', evaluationGrid: even, actor: admin },
      now,
      admin,
    );
    expect(await read()).toEqual(even);
    await campaign.run(
      { type: 'ChangeEvaluationGrid', evaluationGrid: null, actor: admin },
      now,
      admin,
    );
    expect(await read()).toBeNull();
  });

  it('fails, to be retried, for a campaign that has no summary', async () => {
    await expect(
      new MockActivityEnvironment().run(currentCampaignCalendar, { campaignId: 'ami-nowhere' }),
    ).rejects.toMatchObject({ type: 'CAMPAIGN_NOT_FOUND' });
    await expect(
      new MockActivityEnvironment().run(currentEvaluationGrid, { campaignId: 'ami-nowhere' }),
    ).rejects.toMatchObject({ type: 'CAMPAIGN_NOT_FOUND' });
  });
});
