import { DataSource } from 'typeorm';
import { backfillsHeldBeforeTheLedger, runBackfills } from '../backfills/run-backfills';

// Any constant will do, as long as only migrations use it.
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Both apps migrate at start-up; the advisory lock makes the second one wait and then find
 * nothing left to do, instead of racing the first. The schema migrations run first, then the
 * data backfills this database does not hold yet (libs/persistence/src/backfills). Answers
 * what it applied: the migrations' names, then `backfill:<name>` for each backfill it ran.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // Read before the migrations create the ledger: what the former migrations already did.
    const held = await backfillsHeldBeforeTheLedger(runner);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const backfilled = await runBackfills(runner, held);
    return [
      ...applied.map((migration) => migration.name),
      ...backfilled.map((name) => `backfill:${name}`),
    ];
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await runner.release();
  }
}
