import { AppConfig } from '@amiflow/config';
import { Provider } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';

/**
 * A client beside the worker's own connection: activities that signal other workflows (the
 * campaign reaching its dossiers) use it. Closed by TemporalWorkerService at shutdown.
 */
export const temporalClientProviders: Provider[] = [
  {
    provide: Connection,
    useFactory: (config: AppConfig) =>
      Connection.lazy({
        address: config.temporal.address,
        tls: config.temporal.tls,
        apiKey: config.temporal.apiKey,
      }),
    inject: [AppConfig],
  },
  {
    provide: Client,
    useFactory: (connection: Connection, config: AppConfig) =>
      new Client({ connection, namespace: config.temporal.namespace }),
    inject: [Connection, AppConfig],
  },
];
