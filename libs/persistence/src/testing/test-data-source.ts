import { loadConfig } from '@amiflow/config';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { readModelTables } from '../read-models/read-model-projections';

/** The database `npm test` created for this run, migrated, for integration tests. */
export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = await createDataSource(
    loadConfig(process.env).database,
    'amiflow-test',
  ).initialize();
  await runMigrations(dataSource);
  return dataSource;
}

/** Empties every table the migrations created, so each test file starts from nothing. */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `TRUNCATE events, reminder_deliveries, ${readModelTables.join(', ')} RESTART IDENTITY`,
  );
}
