import { AppConfig } from '@amiflow/config';
import { TemporalClientModule } from '@amiflow/lifecycle-client';
import { PersistenceModule } from '@amiflow/persistence';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { DirectoryModule } from './directory/directory.module';
import { DossiersModule } from './dossiers/dossiers.module';
import { DossierListCacheModule } from './dossiers/list-cache/dossier-list-cache.module';
import { HealthModule } from './health/health.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { OperationsModule } from './operations/operations.module';
import { SignInModule } from './sign-in/sign-in.module';
import { SynthesisModule } from './synthesis/synthesis.module';
import { DossierThemesModule } from './dossier-themes/dossier-themes.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { SavedViewsModule } from './saved-views/saved-views.module';
import { ReviewsModule } from './reviews/reviews.module';
import { WorkflowStatusModule } from './workflow-status/workflow-status.module';

@Global()
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot(config.database, 'amiflow-api'),
        TemporalClientModule.forRoot(config.temporal),
        AuthModule,
        LifecycleModule,
        HealthModule,
        OperationsModule,
        DossierListCacheModule,
        DossiersModule,
        CampaignsModule,
        SynthesisModule,
        DossierThemesModule,
        DirectoryModule,
        DeadlinesModule,
        WorkflowStatusModule,
        SavedViewsModule,
        ReviewsModule,
        SignInModule,
      ],
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
