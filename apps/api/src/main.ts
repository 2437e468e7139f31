import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { Logger } from '@nestjs/common';
import { createApiApp } from './create-api-app';

/** How long the requests under way at a SIGINT or SIGTERM may take to finish, ms. */
const CLOSE_GRACE_MS = 8_000;

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, { stdoutIsTTY: process.stdout.isTTY });
  const app = await createApiApp(config);
  await app.listen(config.api.port, config.api.host);
  new Logger('Api').log(`amiflow API listening on ${await app.getUrl()}`);
  // Close (finishing requests, closing connections) then exit 0, rather than re-raise the signal;
  // a close that fails says why and exits 1, rather than leave the process running. The requests
  // under way get CLOSE_GRACE_MS to finish; then their connections are cut, saying what was still
  // open, so that the process ends in bounded time (an orchestrator's SIGKILL comes after).
  const logger = new Logger('Api');
  const server = app.getHttpServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.log(`${signal}: closing`);
      setTimeout(() => {
        const open = process.getActiveResourcesInfo().join(', ');
        logger.warn(`Still closing after ${CLOSE_GRACE_MS} ms: connections cut (open: ${open})`);
        server.closeAllConnections();
      }, CLOSE_GRACE_MS).unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`Closing failed: ${String(error)}`);
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
