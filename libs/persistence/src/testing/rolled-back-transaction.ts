import { DataSource, QueryRunner } from 'typeorm';

/** Runs `work` in a transaction that is always rolled back: the test database keeps its schema. */
export async function inRolledBackTransaction(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<void>,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await work(runner);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
