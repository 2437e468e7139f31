import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { forwardTemporalLogs } from './logging/temporal-log-forwarding';
import { createWorkerLogger } from './logging/worker-logger';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, { stdoutIsTTY: process.stdout.isTTY });
  const logger = createWorkerLogger(config);
  // Before the runtime exists, so that its first line is already in the configured format.
  Logger.overrideLogger(logger);
  const { workerMetricsAddress } = config.operations;
  Runtime.install({
    logger: forwardTemporalLogs(config.logLevel),
    telemetryOptions: {
      // The SDK's native core logs too (its default levels), instead of its own console format.
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      // The worker's and its connection's metrics (task slots, latencies, polls, failures).
      ...(workerMetricsAddress && {
        metrics: { prometheus: { bindAddress: workerMetricsAddress } },
      }),
    },
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  // Close (draining the worker, closing connections) then exit 0, rather than re-raise the signal.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
