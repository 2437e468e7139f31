import { AppConfig } from '@amiflow/config';
import { PersistenceModule } from '@amiflow/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { temporalClientProviders } from './temporal/temporal-client.providers';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkerActivities } from './temporal/worker-activities';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot(config.database, 'amiflow-worker')],
      providers: [
        { provide: AppConfig, useValue: config },
        ...temporalClientProviders,
        WorkerActivities,
        TemporalWorkerService,
      ],
    };
  }
}
