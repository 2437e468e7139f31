import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  campaignIdAttribute,
  nextDeadlineAttribute,
  organisationTypeAttribute,
  stateAttribute,
} from '@amiflow/contracts';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import { RunningWorker, startWorker } from '../support/amiflow-processes';
import { admin, eventually, LifecycleHarness } from '../support/lifecycle-harness';

const run = Date.now().toString(36);

/**
 * What the launcher promises of the Temporal it starts (infra/test.mjs): the CLI's dev server by
 * default, Temporal's own server on PostgreSQL with AMIFLOW_TEMPORAL=server. The rest of the
 * lifecycle suite runs on whichever it is, so this says which one it was.
 */
const fullServer = process.env.AMIFLOW_TEMPORAL === 'server';

describe(`the Temporal the lifecycles run on (${fullServer ? "Temporal's server on PostgreSQL" : 'the dev server'})`, () => {
  let harness: LifecycleHarness;
  let worker: RunningWorker;

  beforeAll(async () => {
    harness = await LifecycleHarness.open();
    worker = await startWorker();
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await harness?.close();
  });

  it(
    fullServer
      ? 'is Temporal’s own server, four history shards on PostgreSQL for persistence and visibility'
      : 'is the dev server, one history shard on SQLite',
    async () => {
      const info = await harness.client.workflowService.getClusterInfo({});
      expect({
        historyShardCount: info.historyShardCount,
        persistenceStore: info.persistenceStore,
        visibilityStore: info.visibilityStore,
      }).toEqual(
        fullServer
          ? { historyShardCount: 4, persistenceStore: 'postgres12', visibilityStore: 'postgres12' }
          : { historyShardCount: 1, persistenceStore: 'sqlite', visibilityStore: 'sqlite' },
      );
    },
  );

  it('has our namespace with the search attributes the workflows use, typed as they use them', async () => {
    // The workflows' keys are the single list's (libs/contracts' search-attributes.spec.ts).
    const used = [
      campaignIdAttribute,
      stateAttribute,
      organisationTypeAttribute,
      nextDeadlineAttribute,
    ];
    const connection = await Connection.connect({ address: harness.config.temporal.address });
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace: harness.config.temporal.namespace,
      });
      const types = temporal.api.enums.v1.IndexedValueType;
      expect(
        Object.fromEntries(used.map(({ name }) => [name, types[customAttributes[name]]])),
      ).toEqual(
        Object.fromEntries(used.map(({ name, type }) => [name, `INDEXED_VALUE_TYPE_${type}`])),
      );
    } finally {
      await connection.close();
    }
  });

  it('finds a campaign by the search attributes its workflow upserts', async () => {
    const campaignId = `ami-visible-${run}`;
    await harness.campaign(campaignId, {
      type: 'CreateCampaign',
      campaignId,
      definition: openCampaignDefinition(new Date(Date.now() + 3_600_000)),
      actor: admin,
    });
    // Visibility is written after the workflow task that upserts, hence eventually.
    const found = await eventually('the campaign in visibility as DRAFT', async () => {
      const count = await harness.client.workflow.count(
        `AmiCampaignId = "${campaignId}" AND AmiState = "DRAFT"`,
      );
      return count.count === 1 ? count.count : undefined;
    });
    expect(found).toBe(1);
  });
});
