import 'reflect-metadata';
import { loadConfig, logLevelsUpTo } from '@amiflow/config';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { temporalLogLevel } from './temporal/temporal-log-level';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  Runtime.install({ logger: new DefaultLogger(temporalLogLevel(config.logLevel)) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: logLevelsUpTo(config.logLevel),
  });
  // Close (draining the worker, closing connections) then exit 0, rather than re-raise the signal.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
