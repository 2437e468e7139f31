import { randomUUID } from 'node:crypto';
import { AppConfig, loadConfig } from '@amiflow/config';
import {
  DossierSnapshot,
  DossierUpdateRequest,
  dossierWorkflowId,
  stateAttribute,
} from '@amiflow/contracts';
import { openCampaignTerms } from '@amiflow/domain/testing';
import { sendDossierCommand } from '@amiflow/lifecycle-client';
import { openTestDataSource, truncateAll } from '@amiflow/persistence/testing';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ApplicationFailure,
  Client,
  Connection,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../worker.module';

const campaignId = 'ami-sante-ia-2019';

function createDraft(
  client: Client,
  organisationId: string,
  correlationId: string = randomUUID(),
): Promise<DossierSnapshot> {
  const request: DossierUpdateRequest = {
    command: {
      type: 'CreateDossierDraft',
      campaignId,
      organisationId,
      organisationName: `Organisation ${organisationId}`,
      organisationType: 'CNP',
      terms: openCampaignTerms(new Date()),
    },
    actor: { id: organisationId, role: 'organisation' },
    correlationId,
  };
  return sendDossierCommand(client, campaignId, organisationId, request);
}

async function countEvents(dataSource: DataSource, organisationId: string): Promise<number> {
  const [{ count }] = await dataSource.query<[{ count: number }]>(
    'SELECT count(*)::int AS count FROM events WHERE stream_id = $1',
    [dossierWorkflowId(campaignId, organisationId)],
  );
  return count;
}

function failureType(error: unknown): string | undefined {
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure
    ? (error.cause.type ?? undefined)
    : undefined;
}

describe('dossier lifecycle workflow in a real worker', () => {
  let config: AppConfig;
  let worker: INestApplicationContext;
  let connection: Connection;
  let client: Client;
  let dataSource: DataSource;
  // Each run has its own organisations: the Temporal server outlives a single test.
  const organisation = (name: string) => `${name}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    // No WORKFLOW_BUNDLE_PATH: the worker bundles the sources, which import @amiflow/domain
    // and @amiflow/contracts through the workspace aliases.
    config = loadConfig({ ...process.env, WORKFLOW_BUNDLE_PATH: '' });
    Runtime.install({ logger: new DefaultLogger('WARN') });
    dataSource = await openTestDataSource();
    await truncateAll(dataSource);
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
      logger: ['error'],
    });
    await worker.init();
    connection = await Connection.connect({ address: config.temporal.address });
    client = new Client({ connection, namespace: config.temporal.namespace });
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await connection?.close();
    await dataSource?.destroy();
  });

  it('creates a draft through update-with-start, stores the event, and projects the summary', async () => {
    const organisationId = organisation('cnp-radiologie');
    const snapshot = await createDraft(client, organisationId, 'corr-1');

    expect(snapshot).toMatchObject({ version: 1, state: { status: 'DRAFT', organisationId } });
    const events: unknown = await dataSource.query(
      'SELECT type, stream_id, stream_version, metadata FROM events WHERE stream_id = $1',
      [dossierWorkflowId(campaignId, organisationId)],
    );
    expect(events).toEqual([
      {
        type: 'DossierDraftCreated',
        stream_id: dossierWorkflowId(campaignId, organisationId),
        stream_version: 1,
        metadata: expect.objectContaining({
          actor: { id: organisationId, role: 'organisation' },
          correlationId: 'corr-1',
        }),
      },
    ]);
    const summaries: unknown = await dataSource.query(
      'SELECT state FROM dossier_summaries WHERE organisation_id = $1',
      [organisationId],
    );
    expect(summaries).toEqual([{ state: 'DRAFT' }]);
  });

  it('keeps the workflow state searchable in Temporal', async () => {
    const organisationId = organisation('cnp-cardiologie');
    await createDraft(client, organisationId);
    const description = await client.workflow
      .getHandle(dossierWorkflowId(campaignId, organisationId))
      .describe();
    expect(description.typedSearchAttributes.get(stateAttribute)).toBe('DRAFT');
  });

  it('refuses a second draft for the same organisation with the domain code, keeping one event', async () => {
    const organisationId = organisation('cnp-dermatologie');
    await createDraft(client, organisationId);
    const second = await createDraft(client, organisationId).catch((error: unknown) => error);
    expect(failureType(second)).toBe('DOSSIER_ALREADY_EXISTS');
    expect(await countEvents(dataSource, organisationId)).toBe(1);
  });

  it('starts one workflow and stores one event when the same organisation asks five times at once', async () => {
    const organisationId = organisation('fsm');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => createDraft(client, organisationId)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [failureType(outcome.reason)] : [],
    );
    expect(refusals).toEqual(Array(4).fill('DOSSIER_ALREADY_EXISTS'));
    expect(await countEvents(dataSource, organisationId)).toBe(1);
  });
});
