import { DatabaseConfig } from '@amiflow/config';
import { DataSource } from 'typeorm';
import { StoredEventEntity } from '../event-store/stored-event.entity';
import { migrations } from '../migrations';
import {
  CampaignDossierCountEntity,
  CampaignSummaryEntity,
  MeetingRegistrationEntity,
} from '../read-models/campaign-summary/campaign-summary.entity';
import { DossierSummaryEntity } from '../read-models/dossier-summary/dossier-summary.entity';

export const entities = [
  StoredEventEntity,
  DossierSummaryEntity,
  CampaignSummaryEntity,
  CampaignDossierCountEntity,
  MeetingRegistrationEntity,
];

/** `applicationName` shows in pg_stat_activity, to tell the API's connections from the worker's. */
export function createDataSource(config: DatabaseConfig, applicationName: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    applicationName,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failures reach the caller as errors; TypeORM's own logging would print expected conflicts.
    logging: false,
    extra: { max: 20 },
  });
}
