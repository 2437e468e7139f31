import {
  AnnounceToDossiersInput,
  DOSSIER_WORKFLOW_TYPE,
  dossierSignalNames,
  dossierWorkflowId,
} from '@amiflow/contracts';
import { openCampaignTerms } from '@amiflow/domain/testing';
import { EventStore, readModelProjections } from '@amiflow/persistence';
import { dossierStream, openTestDataSource } from '@amiflow/persistence/testing';
import { Client } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import { heartbeatsOf, openTemporalTestClient, TemporalTestClient } from '../testing';
import { createFanOutActivities } from './fan-out.activities';

const run = Date.now().toString(36);
/** How many organisations the activity reads a page. */
const PAGE_SIZE = 200;
/** Two full pages and one more organisation. */
const DOSSIERS = 2 * PAGE_SIZE + 1;
const announcement: AnnounceToDossiersInput['announcement'] = { kind: 'submissionsClosed' };
/**
 * The dossiers' workflows wait on a task queue no worker polls: the server records each signal
 * in their histories, and nothing consumes them.
 */
const unpolledTaskQueue = `fan-out-listeners-${run}`;

describe('announcing to the dossiers, run in an activity context', () => {
  let dataSource: DataSource;
  let temporal: TemporalTestClient;
  let announceToDossiers: (input: AnnounceToDossiersInput) => Promise<number>;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    temporal = await openTemporalTestClient();
    const activities = createFanOutActivities(dataSource, temporal.client);
    announceToDossiers = (input) => activities.announceToDossiers(input);
  });

  afterAll(async () => {
    await temporal?.close();
    await dataSource?.destroy();
  });

  /** A campaign with DOSSIERS drafts, each with a workflow listening; organisations sorted. */
  async function campaignWithListeningDossiers(name: string) {
    const campaignId = `ami-fan-out-${name}-${run}`;
    const organisations = Array.from(
      { length: DOSSIERS },
      (_, i) => `org-${String(i).padStart(4, '0')}`,
    );
    const store = new EventStore(dataSource, readModelProjections);
    const terms = openCampaignTerms(new Date());
    await inBatches(organisations, async (organisationId) => {
      await dossierStream(store, campaignId, organisationId).run(
        {
          type: 'CreateDossierDraft',
          campaignId,
          organisationId,
          organisationName: `Organisation ${organisationId}`,
          organisationType: 'CNP',
          terms,
        },
        new Date(),
      );
      await temporal.client.workflow.start(DOSSIER_WORKFLOW_TYPE, {
        workflowId: dossierWorkflowId(campaignId, organisationId),
        taskQueue: unpolledTaskQueue,
        args: [{ campaignId, organisationId }],
        // They end by themselves, long after the test.
        workflowExecutionTimeout: '10 minutes',
      });
    });
    return { input: { campaignId, announcement }, organisations };
  }

  it('heartbeats its progress in organisation order, up to the last, and signals every dossier once', async () => {
    const { input, organisations } = await campaignWithListeningDossiers('progress');
    const environment = new MockActivityEnvironment({ attempt: 1 });
    const heartbeats = heartbeatsOf(environment);

    expect(await environment.run(announceToDossiers, input)).toBe(DOSSIERS);

    // At least once a page, each time further on, ending on the last organisation.
    expect(heartbeats.length).toBeGreaterThanOrEqual(Math.ceil(DOSSIERS / PAGE_SIZE));
    expect(heartbeats).toEqual([...new Set(heartbeats)].sort());
    expect(heartbeats.every((cursor) => organisations.includes(cursor as string))).toBe(true);
    expect(heartbeats.at(-1)).toBe(organisations.at(-1));
    expect(await signalCounts(temporal.client, input.campaignId, organisations)).toEqual(
      countsOf(organisations, () => 1),
    );
  }, 60_000);

  it('resumes a retried attempt after the organisation the lost one heartbeated, signalling nothing twice', async () => {
    const { input, organisations } = await campaignWithListeningDossiers('retry');
    // The first attempt's worker is lost as soon as its first heartbeat reaches the server.
    const lost = new MockActivityEnvironment({ attempt: 1 });
    const recorded = heartbeatsOf(lost);
    lost.on('heartbeat', () => {
      throw new Error('worker lost');
    });
    await expect(lost.run(announceToDossiers, input)).rejects.toThrow('worker lost');
    expect(recorded).toHaveLength(1);
    const cursor = recorded[0] as string;
    const reachedBefore = organisations.filter((organisationId) => organisationId <= cursor);
    expect(reachedBefore.length).toBeLessThan(DOSSIERS);

    // Temporal retries it with the details of the last heartbeat it recorded.
    const retry = new MockActivityEnvironment({ attempt: 2, heartbeatDetails: cursor });
    const heartbeats = heartbeatsOf(retry);
    expect(await retry.run(announceToDossiers, input)).toBe(DOSSIERS - reachedBefore.length);

    expect(heartbeats.every((next) => (next as string) > cursor)).toBe(true);
    expect(heartbeats.at(-1)).toBe(organisations.at(-1));
    expect(await signalCounts(temporal.client, input.campaignId, organisations)).toEqual(
      countsOf(organisations, () => 1),
    );
  }, 60_000);

  it('stops at its next heartbeat once cancelled, signalling none of the remaining dossiers', async () => {
    const { input, organisations } = await campaignWithListeningDossiers('cancel');
    const environment = new MockActivityEnvironment({ attempt: 1 });
    const heartbeats = heartbeatsOf(environment);
    // The server answers the first heartbeat with the workflow's cancellation request.
    environment.once('heartbeat', () => environment.cancel());

    await expect(environment.run(announceToDossiers, input)).rejects.toBeInstanceOf(
      CancelledFailure,
    );

    expect(heartbeats).toHaveLength(1);
    const cursor = heartbeats[0] as string;
    expect(await signalCounts(temporal.client, input.campaignId, organisations)).toEqual(
      countsOf(organisations, (organisationId) => (organisationId <= cursor ? 1 : 0)),
    );
  }, 60_000);
});

/** How many times the announcement reached each dossier's workflow, by organisation. */
async function signalCounts(
  client: Client,
  campaignId: string,
  organisations: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await inBatches(organisations, async (organisationId) => {
    const history = await client.workflow
      .getHandle(dossierWorkflowId(campaignId, organisationId))
      .fetchHistory();
    counts[organisationId] = (history.events ?? []).filter(
      (event) =>
        event.workflowExecutionSignaledEventAttributes?.signalName ===
        dossierSignalNames.submissionsClosed,
    ).length;
  });
  return counts;
}

function countsOf(
  organisations: readonly string[],
  count: (organisationId: string) => number,
): Record<string, number> {
  return Object.fromEntries(
    organisations.map((organisationId) => [organisationId, count(organisationId)]),
  );
}

/** A few at a time: enough to be quick, few enough not to flood the test database or server. */
async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += 20) {
    await Promise.all(items.slice(start, start + 20).map(each));
  }
}
