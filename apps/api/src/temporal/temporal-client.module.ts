import { AppConfig } from '@amiflow/config';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';

/**
 * The Temporal client, connected lazily so the API starts (and /health can say so) while
 * Temporal is still coming up.
 */
@Global()
@Module({
  providers: [
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
  ],
  exports: [Connection, Client],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
