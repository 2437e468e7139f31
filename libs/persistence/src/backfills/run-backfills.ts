import { QueryRunner } from 'typeorm';
import { backfills } from './backfills';

const LEDGER = 'data_backfills';

/**
 * The backfills a database already holds though its ledger does not say so, read before the
 * migrations run: until the migration that creates the ledger (1764288000123) has run, each
 * backfill was still part of a schema migration, so the database holds it exactly when that
 * migration has run. Once the ledger exists, it alone says what ran (this answers nothing).
 */
export async function backfillsHeldBeforeTheLedger(runner: QueryRunner): Promise<Set<string>> {
  if (await tableExists(runner, LEDGER)) return new Set();
  if (!(await tableExists(runner, 'migrations'))) return new Set();
  const rows = (await runner.query('SELECT name FROM migrations')) as { name: string }[];
  const ran = new Set(rows.map((row) => row.name));
  return new Set(backfills.filter((backfill) => ran.has(backfill.after)).map(({ name }) => name));
}

/**
 * Runs, in order and each in its own transaction with its ledger row, the backfills the ledger
 * does not list; those in `held` are only recorded, their effect being there already. Answers
 * the names of those it ran.
 */
export async function runBackfills(runner: QueryRunner, held: Set<string>): Promise<string[]> {
  const rows = (await runner.query(`SELECT name FROM ${LEDGER}`)) as { name: string }[];
  const recorded = new Set(rows.map((row) => row.name));
  const ran: string[] = [];
  for (const backfill of backfills) {
    if (recorded.has(backfill.name)) continue;
    await runner.startTransaction();
    try {
      if (!held.has(backfill.name)) {
        await backfill.run(runner);
        ran.push(backfill.name);
      }
      await runner.query(`INSERT INTO ${LEDGER} (name, ran) VALUES ($1, $2)`, [
        backfill.name,
        !held.has(backfill.name),
      ]);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }
  return ran;
}

/** In the schema the unqualified names resolve to first (the migrations' own). */
async function tableExists(runner: QueryRunner, table: string): Promise<boolean> {
  const [row] = (await runner.query(
    `SELECT EXISTS (SELECT 1 FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_name = $1) AS found`,
    [table],
  )) as { found: boolean }[];
  return row.found;
}
