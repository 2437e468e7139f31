import { AppConfig } from '@amiflow/config';
import { TemporalClientModule } from '@amiflow/lifecycle-client';
import { PersistenceModule } from '@amiflow/persistence';
import { DynamicModule, Module } from '@nestjs/common';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkerActivities } from './temporal/worker-activities';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PersistenceModule.forRoot(config.database, 'amiflow-worker'),
        // For the activities that command or signal other workflows.
        TemporalClientModule.forRoot(config.temporal),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        WorkerActivities,
        TemporalWorkerService,
      ],
    };
  }
}
