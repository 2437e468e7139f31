import { DataSource } from 'typeorm';

// Any constant will do, as long as only migrations use it.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Both apps migrate at start-up; the advisory lock makes the second one wait and then find
 * nothing left to do, instead of racing the first.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await runner.release();
  }
}
