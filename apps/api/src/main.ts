import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { Logger } from '@nestjs/common';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, { stdoutIsTTY: process.stdout.isTTY });
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  new Logger('Api').log(`amiflow API listening on ${await app.getUrl()}`);
  // Close (finishing requests, closing connections) then exit 0, rather than re-raise the signal.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
