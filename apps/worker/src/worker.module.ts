import { AppConfig } from '@amiflow/config';
import { PersistenceModule } from '@amiflow/persistence';
import { DynamicModule, Module } from '@nestjs/common';
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
        WorkerActivities,
        TemporalWorkerService,
      ],
    };
  }
}
