import { loadConfig } from '@amiflow/config';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { readModelTables } from '../read-models/read-model-projections';
import {
  referenceContactAddresses,
  seedReferenceDirectory,
} from '../backfills/seed-reference-directory.backfill';

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

/**
 * Puts the organisation directory back to the reference organisations the migrations seed, and
 * only those: integration tests add organisations of their own, and a test whose outcome depends
 * on the whole directory (the demo casts its organisations from it, in identifier order) must not
 * see those left by the files that ran before it in the same database.
 */
export async function restoreReferenceDirectory(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('a transaction without its query runner');
    await runner.query('DELETE FROM organisations');
    await seedReferenceDirectory.run(runner);
    await referenceContactAddresses.run(runner);
  });
}
