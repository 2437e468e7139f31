// `npm run bench:lifecycle` (infra/bench.mjs provides a scratch database and a Temporal dev
// server on a SQLite file with journal_mode=wal and synchronous=off). Starts N dossiers (10,000
// by default) in one campaign whose deadline is far off; once they have all started, moves the
// deadline to a few seconds ahead by a calendar change (timing its fan-out to every dossier),
// and measures how long after that deadline every dossier has seen the closure (all drafts
// expired, in the read model). Then, on the same server, N bare workflows with the same
// activities and timer, their deadline likewise sent by signal once they have all started. The
// deadlines are set from when the setup is done, so the benchmark finishes on any machine.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig, WorkerConfig } from '@amiflow/config';
import { dossierWorkflowId } from '@amiflow/contracts';
import {
  CampaignCommand,
  CampaignDefinition,
  dossierTermsOf,
  isCampaign,
  referenceCampaign,
} from '@amiflow/domain';
import { sendCampaignCommand, sendDossierCommand } from '@amiflow/lifecycle-client';
import { createDataSource, runMigrations } from '@amiflow/persistence';
import {
  ApplicationFailure,
  Client,
  Connection,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
} from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { workspaceRoot } from '../workflow-bundle/workspace-root';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const CONCURRENCY = 64;
/** From the moment every workflow has started to the deadline it is then given. */
const LEAD_MS = Number(process.env.BENCH_LEAD_SECONDS ?? 10) * 1000;
/** Where the deadline sits while the workflows start: out of reach of any setup. */
const FAR_MS = 24 * 3_600_000;
const system = { id: 'bench', role: 'system' } as const;
const root = workspaceRoot();

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataSource = await createDataSource(config.database, 'amiflow-bench').initialize();
  await runMigrations(dataSource);
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });
  console.log(
    `${DOSSIERS.toLocaleString('en')} dossiers, ${CONCURRENCY} starts in flight, the deadline set ${LEAD_MS / 1000} s ahead once they have started`,
  );

  const worker = await spawnWorker();
  let dossierSeconds: number;
  try {
    dossierSeconds = await runDossiers(client, dataSource);
  } finally {
    await stopWorker(worker);
  }
  // Said as soon as it is known: the bare workflows take about as long again.
  console.log(`Every draft expired ${dossierSeconds.toFixed(1)} s after the deadline`);
  const bareSeconds = await runBareWorkflows(client, config.temporal.address, config.worker);

  const dossierRate = DOSSIERS / dossierSeconds;
  const bareRate = DOSSIERS / bareSeconds;
  console.log(
    `Closure seen by every dossier ${dossierSeconds.toFixed(1)} s after the deadline: ${dossierRate.toFixed(0)} lifecycles/s`,
  );
  console.log(
    `Bare workflows (same activities and timer) done ${bareSeconds.toFixed(1)} s after theirs: ${bareRate.toFixed(0)} workflows/s`,
  );
  await connection.close();
  await dataSource.destroy();
  // The figure (issue 14): seconds from the deadline until the read model shows every
  // draft EXPIRED, and the lifecycle's rate as a share of the bare workflows' on the same server.
  console.log(
    `expired_${sizeLabel(DOSSIERS)}_s=${dossierSeconds.toFixed(1)} ratio=${(dossierRate / bareRate).toFixed(2)}`,
  );
}

async function runDossiers(client: Client, dataSource: DataSource): Promise<number> {
  const campaignId = `bench-${Date.now().toString(36)}`;
  const now = Date.now();
  const at = (offset: number) => new Date(now + offset).toISOString();
  const definition: CampaignDefinition = {
    ...referenceCampaign.definition,
    calendar: {
      opensAt: at(0),
      meetingRegistrationDeadline: at(1000),
      meetingStartsAt: at(1000),
      meetingEndsAt: at(2000),
      submissionDeadline: at(FAR_MS),
      consultationsStartAt: at(2 * FAR_MS),
    },
    // A draft's lifecycle as the baseline has it: no reminders.
    reminders: [],
  };
  const command = (c: CampaignCommand) =>
    sendCampaignCommand(client, campaignId, { command: c, actor: system, correlationId: 'bench' });
  await command({ type: 'CreateCampaign', campaignId, definition, actor: system });
  const published = await command({ type: 'PublishCampaign', actor: system });
  if (!isCampaign(published.state)) throw new Error('The campaign was not created');
  const terms = dossierTermsOf(published.state);

  const started = Date.now();
  await inParallel(DOSSIERS, (index) => {
    const organisationId = `org-${index}`;
    return startAgainIfTimedOut(() =>
      sendDossierCommand(client, campaignId, organisationId, {
        command: {
          type: 'CreateDossierDraft',
          campaignId,
          organisationId,
          organisationName: `Organisation ${organisationId}`,
          organisationType: 'CNP',
          terms,
        },
        actor: system,
        correlationId: 'bench',
      }),
    );
  });
  const startSeconds = (Date.now() - started) / 1000;
  console.log(
    `Started ${DOSSIERS.toLocaleString('en')} dossier lifecycles in ${startSeconds.toFixed(1)} s (${(DOSSIERS / startSeconds).toFixed(0)}/s)`,
  );

  // The deadline, from now: every dossier hears of it through the campaign's fan-out.
  const deadline = Date.now() + LEAD_MS;
  const changed = Date.now();
  await command({
    type: 'ChangeCampaignCalendar',
    changes: { submissionDeadline: new Date(deadline).toISOString() },
    reason: 'Benchmark: the deadline, now that every dossier has started.',
    actor: system,
  });
  const updated = async () => {
    const [{ count }] = await dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE stream_id LIKE $1 AND type = 'DossierCalendarUpdated'`,
      [`dossier/${campaignId}/%`],
    );
    return count;
  };
  const fanOutSeconds = await timeUntil(
    changed,
    async () => (await updated()) >= DOSSIERS,
    updated,
  );
  console.log(
    `Calendar change applied by every dossier ${fanOutSeconds.toFixed(1)} s after it was sent (${(DOSSIERS / fanOutSeconds).toFixed(0)} dossiers/s)`,
  );

  await sleepUntil(deadline);
  const expired = async () => {
    const [{ count }] = await dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM dossier_summaries WHERE campaign_id = $1 AND state = 'EXPIRED'`,
      [campaignId],
    );
    return count;
  };
  const seconds = await timeUntil(deadline, async () => (await expired()) >= DOSSIERS, expired);
  const phase = await dataSource.query<{ phase: string }[]>(
    'SELECT phase FROM campaign_summaries WHERE campaign_id = $1',
    [campaignId],
  );
  console.log(`Campaign phase once every dossier had expired: ${phase[0]?.phase}`);
  await reportLostWorkflowTasks(
    'dossiers',
    client,
    Array.from({ length: DOSSIERS }, (_, index) => dossierWorkflowId(campaignId, `org-${index}`)),
  );
  return seconds;
}

async function runBareWorkflows(
  client: Client,
  address: string,
  { maxCachedWorkflows, stickyQueueTimeoutMs }: WorkerConfig,
): Promise<number> {
  let finished = 0;
  const taskQueue = `bench-bare-${Date.now().toString(36)}`;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    namespace: client.options.namespace,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'bare-lifecycle.workflow.js'),
      logger: new DefaultLogger('WARN'),
    }),
    activities: {
      touch: () => Promise.resolve(),
      finish: () => {
        finished++;
        return Promise.resolve();
      },
    },
    reuseV8Context: true,
    maxCachedWorkflows,
    // The same worker options as the lifecycle's worker.
    stickyQueueScheduleToStartTimeout: stickyQueueTimeoutMs,
  });
  const running = worker.run();
  const prefix = `bare-${Date.now().toString(36)}`;
  await inParallel(DOSSIERS, (index) =>
    client.workflow.start('bareLifecycle', {
      workflowId: `${prefix}-${index}`,
      taskQueue,
      args: [`${index}`],
    }),
  );
  // As for the dossiers: the deadline from now, told to each workflow by a signal.
  const deadline = Date.now() + LEAD_MS;
  await inParallel(
    DOSSIERS,
    (index) => client.workflow.getHandle(`${prefix}-${index}`).signal('deadline', deadline),
    'signalled',
  );
  await sleepUntil(deadline);
  const seconds = await timeUntil(
    deadline,
    () => Promise.resolve(finished >= DOSSIERS),
    () => Promise.resolve(finished),
  );
  await reportLostWorkflowTasks(
    'bare workflows',
    client,
    Array.from({ length: DOSSIERS }, (_, index) => `${prefix}-${index}`),
  );
  worker.shutdown();
  await running;
  return seconds;
}

/** Histories read to count the workflow tasks that were lost, as a sample of the whole. */
const SAMPLE = 200;

/**
 * Where the time goes: in a sample of the workflows' histories, the workflow tasks that timed out
 * (a sticky queue's schedule-to-start timeout means the task went back to the shared queue and
 * the worker replayed the whole history) or failed, per workflow.
 */
async function reportLostWorkflowTasks(
  what: string,
  client: Client,
  workflowIds: string[],
): Promise<void> {
  const step = Math.max(1, Math.floor(workflowIds.length / SAMPLE));
  const sample = workflowIds.filter((_, index) => index % step === 0).slice(0, SAMPLE);
  let timedOut = 0;
  let failed = 0;
  let tasks = 0;
  for (const workflowId of sample) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    for (const event of history.events ?? []) {
      if (event.workflowTaskScheduledEventAttributes) tasks++;
      if (event.workflowTaskTimedOutEventAttributes) timedOut++;
      if (event.workflowTaskFailedEventAttributes) failed++;
    }
  }
  console.log(
    `Workflow tasks in ${sample.length} ${what}' histories: ${tasks} scheduled, ${timedOut} timed out, ${failed} failed`,
  );
}

/** 10000 → "10k", 2500 → "2500": the size the last line names. */
function sizeLabel(count: number): string {
  return count % 1000 === 0 ? `${count / 1000}k` : `${count}`;
}

/**
 * A saturated server lets an update's RPC time out while the update may still run: the start is
 * sent again (the workflow ID makes it the same one), and a draft the first try created counts.
 */
async function startAgainIfTimedOut(start: () => Promise<unknown>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      return;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof ApplicationFailure && cause.type === 'DOSSIER_ALREADY_EXISTS') return;
      if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || attempt >= attempts) {
        throw error;
      }
    }
  }
}

/** Runs `count` tasks, CONCURRENCY at a time, printing progress every tenth. */
async function inParallel(
  count: number,
  task: (index: number) => Promise<unknown>,
  what = 'started',
): Promise<void> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let index = next++; index < count; index = next++) {
        await task(index);
        if (++done % Math.max(1, Math.floor(count / 10)) === 0) {
          console.log(`  … ${done.toLocaleString('en')} / ${count.toLocaleString('en')} ${what}`);
        }
      }
    }),
  );
}

/** Seconds from `since` until `done()`, polling twice a second and printing progress. */
async function timeUntil(
  since: number,
  done: () => Promise<boolean>,
  progress: () => Promise<number>,
): Promise<number> {
  let lastPrint = Date.now();
  while (!(await done())) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      console.log(
        `  … ${(await progress()).toLocaleString('en')} / ${DOSSIERS.toLocaleString('en')} done`,
      );
    }
  }
  return (Date.now() - since) / 1000;
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
}

async function spawnWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      join(root, 'infra/runtime/register-aliases.cjs'),
      join(root, 'dist/apps/worker/src/main.js'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        WORKFLOW_BUNDLE_PATH: join(root, 'dist/workflow-bundle.js'),
        // Its start-up line says when it polls.
        LOG_LEVEL: 'log',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Polling ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The worker exited (${code}):\n${output}`)));
  });
  return child;
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
