import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { Logger } from '@nestjs/common';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, { stdoutIsTTY: process.stdout.isTTY });
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  new Logger('Api').log(`amiflow API listening on ${await app.getUrl()}`);
  // Close (finishing requests, closing connections) then exit 0, rather than re-raise the signal;
  // a close that fails says why and exits 1, rather than leave the process running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          new Logger('Api').error(`Closing failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
