import { AppConfig } from '@amiflow/config';
import { PersistenceModule } from '@amiflow/persistence';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DossiersModule } from './dossiers/dossiers.module';
import { HealthModule } from './health/health.module';
import { TemporalClientModule } from './temporal/temporal-client.module';

@Global()
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot(config.database, 'amiflow-api'),
        TemporalClientModule,
        HealthModule,
        DossiersModule,
      ],
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
