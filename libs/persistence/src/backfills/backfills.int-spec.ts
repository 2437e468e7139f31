import { DataSource, QueryRunner } from 'typeorm';
import reference from '../directory/reference-organisations.json';
import { migrations } from '../migrations';
import { CreateDataBackfills1764288000123 } from '../migrations/1764288000123-create-data-backfills.migration';
import { inRolledBackTransaction, openTestDataSource } from '../testing';
import { backfills } from './backfills';
import { backfillsHeldBeforeTheLedger, runBackfills } from './run-backfills';

const referenceIds = reference.organisations.map((organisation) => organisation.organisationId);

/** An empty schema of its own (public stays on the path, for the extensions), rolled back. */
const inScratchSchema = (dataSource: DataSource, work: (runner: QueryRunner) => Promise<void>) =>
  inRolledBackTransaction(dataSource, async (runner) => {
    await runner.query('CREATE SCHEMA backfills_scratch');
    await runner.query('SET LOCAL search_path TO backfills_scratch, public');
    await work(runner);
  });

/** What the migrations table says of a database migrated up to `last` (included). */
async function recordMigrationsUpTo(runner: QueryRunner, last: string): Promise<void> {
  await runner.query(
    'CREATE TABLE migrations (id serial PRIMARY KEY, timestamp bigint NOT NULL, name text NOT NULL)',
  );
  for (const migration of migrations) {
    const { name } = new migration();
    await runner.query('INSERT INTO migrations (timestamp, name) VALUES ($1, $2)', [
      Number(name.slice(-13)),
      name,
    ]);
    if (name === last) return;
  }
}

const directory = (runner: QueryRunner) =>
  runner.query(
    'SELECT organisation_id, email FROM organisations WHERE organisation_id = ANY($1) ORDER BY 1',
    [referenceIds],
  ) as Promise<{ organisation_id: string; email: string | null }[]>;

describe('data backfills, out of the schema migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('give a new database the reference directory with its addresses, as the migrations did, and record it', async () => {
    const rows = await dataSource.query<{ name: string; ran: boolean }[]>(
      'SELECT name, ran FROM data_backfills ORDER BY recorded_at, name',
    );
    expect(rows.map(({ name }) => name).sort()).toEqual(backfills.map(({ name }) => name).sort());
    expect(rows.every(({ ran }) => ran)).toBe(true);
    const runner = dataSource.createQueryRunner();
    try {
      const seeded = await directory(runner);
      expect(seeded.map((row) => row.organisation_id)).toEqual([...referenceIds].sort());
      expect(seeded.every((row) => row.email === `contact@${row.organisation_id}.example`)).toBe(
        true,
      );
    } finally {
      await runner.release();
    }
  });

  it('record, without running them again, what the former migrations did in a database they built', async () => {
    await inScratchSchema(dataSource, async (runner) => {
      for (const migration of migrations.slice(0, -1)) await new migration().up(runner);
      // What the former 008 and 009 wrote, then an administrator's changes since.
      for (const backfill of backfills.slice(0, 2)) await backfill.run(runner);
      await runner.query("DELETE FROM organisations WHERE organisation_id = 'cnp-pediatrie'");
      await runner.query(
        "UPDATE organisations SET email = 'secretariat@cnp.example' WHERE organisation_id = 'cnp-radiologie'",
      );
      await recordMigrationsUpTo(runner, 'IndexDossierCounts1764288000122');
      const before = await directory(runner);
      expect(before).toHaveLength(referenceIds.length - 1);

      const held = await backfillsHeldBeforeTheLedger(runner);
      await new CreateDataBackfills1764288000123().up(runner);
      expect(await runBackfills(runner, held)).toEqual([]);

      expect(await directory(runner)).toEqual(before);
      expect(await runner.query('SELECT name, ran FROM data_backfills ORDER BY name')).toEqual(
        backfills
          .map(({ name }) => ({ name, ran: false }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      );
    });
  });

  it('run the backfills whose migration a database had not reached yet, and no other', async () => {
    await inScratchSchema(dataSource, async (runner) => {
      for (const migration of migrations.slice(0, -1)) await new migration().up(runner);
      await backfills[0].run(runner); // the former 008 only
      await runner.query(
        `INSERT INTO reminder_deliveries
           (delivery_key, campaign_id, rule_id, kind, occurrence, recipient, due_at, correlation_id)
         VALUES ('k', 'c', 'r', 'DEADLINE_REMINDER', 'deadline', 'o', now(), 'test')`,
      );
      await recordMigrationsUpTo(runner, 'SeedReferenceDirectory1764288000008');

      const held = await backfillsHeldBeforeTheLedger(runner);
      expect([...held]).toEqual(['seed-reference-directory']);
      await new CreateDataBackfills1764288000123().up(runner);
      expect(await runBackfills(runner, held)).toEqual([
        'reference-contact-addresses',
        'no-address-deliveries',
      ]);
      expect((await directory(runner)).every((row) => row.email !== null)).toBe(true);
      expect(await runner.query('SELECT status FROM reminder_deliveries')).toEqual([
        { status: 'NO_ADDRESS' },
      ]);
    });
  });
});
