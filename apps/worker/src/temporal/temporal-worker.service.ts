import { AppConfig, temporalConnectionOptions } from '@amiflow/config';
import { LIFECYCLE_TASK_QUEUE } from '@amiflow/contracts';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { activityCorrelation } from '../logging/activity-correlation';
import { bundleWorkflows } from '../workflow-bundle/bundle-workflows';
import { WorkerActivities } from './worker-activities';

/** Runs the Temporal worker for the lifecycle task queue for as long as the application lives. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(WorkerActivities) private readonly activities: WorkerActivities,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { temporal, worker } = this.config;
    this.connection = await NativeConnection.connect(temporalConnectionOptions(temporal));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: temporal.namespace,
      taskQueue: LIFECYCLE_TASK_QUEUE,
      activities: this.activities.all(),
      interceptors: { activity: [activityCorrelation] },
      ...(await this.workflowSource(worker.workflowBundlePath)),
      reuseV8Context: true,
      maxCachedWorkflows: worker.maxCachedWorkflows,
      // Temporal's default, 10 s, unless set: raising it spares a shared deadline's herd the
      // replays of timed-out tasks, and costs that long a wait after a crash (docs/operations.md).
      stickyQueueScheduleToStartTimeout: worker.stickyQueueTimeoutMs,
    });
    this.running = this.worker.run();
    // A worker that dies on its own (lost server, fatal error) must take the process down.
    this.running.catch((error: unknown) => {
      this.logger.error(`Temporal worker stopped: ${String(error)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`Polling ${LIFECYCLE_TASK_QUEUE} on ${temporal.address}/${temporal.namespace}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  private async workflowSource(
    bundlePath: string | undefined,
  ): Promise<Pick<WorkerOptions, 'workflowBundle'>> {
    if (bundlePath) return { workflowBundle: { codePath: bundlePath } };
    this.logger.log('No WORKFLOW_BUNDLE_PATH: bundling the workflow sources');
    return { workflowBundle: { code: await bundleWorkflows() } };
  }
}
