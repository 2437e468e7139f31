import { DataSource, QueryRunner } from 'typeorm';
import { inRolledBackTransaction, openTestDataSource } from '../testing';
import { migrations } from './index';

const tables = (runner: QueryRunner) =>
  runner.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name <> 'migrations' ORDER BY 1`,
  ) as Promise<{ table_name: string }[]>;

describe('migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('build the schema, undo every one newest first, and build it again the same', async () => {
    await inRolledBackTransaction(dataSource, async (runner) => {
      // An empty schema of its own, so that no row of the other tests holds a table back; public
      // stays on the path for the extensions' operator classes.
      await runner.query('CREATE SCHEMA migrations_round_trip');
      await runner.query('SET LOCAL search_path TO migrations_round_trip, public');
      for (const migration of migrations) await new migration().up(runner);
      const built = await tables(runner);
      expect(built.length).toBeGreaterThan(5);
      for (const migration of [...migrations].reverse()) await new migration().down(runner);
      expect(await tables(runner)).toEqual([]);
      for (const migration of migrations) await new migration().up(runner);
      expect(await tables(runner)).toEqual(built);
    });
  });

  it('serve a search by words of the organisation name from the trigram index', async () => {
    await inRolledBackTransaction(dataSource, async (runner) => {
      // As on a large table: the planner must be able to use the index, not prefer a scan.
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(
        `EXPLAIN SELECT organisation_id FROM dossier_summaries
          WHERE search_name LIKE '%radiologie%'`,
      )) as { 'QUERY PLAN': string }[];
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain(
        'dossier_summaries_by_search_name_trigrams',
      );
    });
  });
});
