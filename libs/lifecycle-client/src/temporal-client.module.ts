import { TemporalConfig, temporalConnectionOptions } from '@amiflow/config';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';

/**
 * The Temporal client, connected lazily so an application starts (and /health can say so) while
 * Temporal is still coming up. Used by the API, and by the worker's activities that command or
 * signal other workflows.
 */
@Module({})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  static forRoot(config: TemporalConfig): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        {
          provide: Connection,
          useFactory: () => Connection.lazy(temporalConnectionOptions(config)),
        },
        {
          provide: Client,
          useFactory: (connection: Connection) =>
            new Client({ connection, namespace: config.namespace }),
          inject: [Connection],
        },
      ],
      exports: [Connection, Client],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
