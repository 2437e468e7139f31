import { DatabaseConfig } from '@amiflow/config';
import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { EventStore } from '../event-store/event-store';
import { CampaignSummaryQuery } from '../read-models/campaign-summary/campaign-summary.query';
import { DossierSummaryQuery } from '../read-models/dossier-summary/dossier-summary.query';
import { DossierAnalysisQuery } from '../read-models/dossier-summary/dossier-analysis.query';
import { OrganisationDirectory } from '../directory/organisation-directory';
import { ReminderLedger } from '../reminders/reminder-ledger';
import { readModelProjections } from '../read-models/read-model-projections';
import { SavedViewStore } from '../saved-views/saved-view-store';
import { ReviewerQueueQuery } from '../read-models/reviewer-queue/reviewer-queue.query';

/** Opens the database, brings its schema up to date, and provides the store and the queries. */
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(config: DatabaseConfig, applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = await createDataSource(config, applicationName).initialize();
            const applied = await runMigrations(dataSource);
            if (applied.length > 0)
              new Logger('Persistence').log(`Migrated: ${applied.join(', ')}`);
            return dataSource;
          },
        },
        {
          provide: EventStore,
          useFactory: (dataSource: DataSource) => new EventStore(dataSource, readModelProjections),
          inject: [DataSource],
        },
        {
          provide: DossierSummaryQuery,
          useFactory: (dataSource: DataSource) => new DossierSummaryQuery(dataSource),
          inject: [DataSource],
        },
        {
          provide: DossierAnalysisQuery,
          useFactory: (dataSource: DataSource) => new DossierAnalysisQuery(dataSource),
          inject: [DataSource],
        },
        {
          provide: CampaignSummaryQuery,
          useFactory: (dataSource: DataSource) => new CampaignSummaryQuery(dataSource),
          inject: [DataSource],
        },
        {
          provide: OrganisationDirectory,
          useFactory: (dataSource: DataSource) => new OrganisationDirectory(dataSource),
          inject: [DataSource],
        },
        {
          provide: ReminderLedger,
          useFactory: (dataSource: DataSource) => new ReminderLedger(dataSource),
          inject: [DataSource],
        },
        {
          provide: ReviewerQueueQuery,
          useFactory: (dataSource: DataSource) => new ReviewerQueueQuery(dataSource),
          inject: [DataSource],
        },
        {
          provide: SavedViewStore,
          useFactory: (dataSource: DataSource) => new SavedViewStore(dataSource),
          inject: [DataSource],
        },
      ],
      exports: [
        DataSource,
        EventStore,
        DossierSummaryQuery,
        DossierAnalysisQuery,
        CampaignSummaryQuery,
        OrganisationDirectory,
        ReminderLedger,
        SavedViewStore,
        ReviewerQueueQuery,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
