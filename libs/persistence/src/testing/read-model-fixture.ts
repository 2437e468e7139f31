import { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { DossierSummaryQuery } from '../read-models/dossier-summary/dossier-summary.query';
import { readModelProjections } from '../read-models/read-model-projections';
import { openTestDataSource } from './test-data-source';

/** What a dossier read model's integration spec works with, on the database `npm test` created. */
export interface DossierReadModelFixture {
  readonly dataSource: DataSource;
  /** The event store, projecting every event it appends into the read models. */
  readonly store: EventStore;
  readonly query: DossierSummaryQuery;
}

/** Opens the migrated test database, its event store and the dossier summaries' query on it. */
export async function openDossierReadModelFixture(): Promise<DossierReadModelFixture> {
  const dataSource = await openTestDataSource();
  return {
    dataSource,
    store: new EventStore(dataSource, readModelProjections),
    query: new DossierSummaryQuery(dataSource),
  };
}
