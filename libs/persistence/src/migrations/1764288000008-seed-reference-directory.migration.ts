import { MigrationInterface } from 'typeorm';

/**
 * Seeded the reference campaign's organisations; that is data, not schema, and is now the
 * `seed-reference-directory` backfill (libs/persistence/src/backfills), run once after the
 * migrations. Kept, empty, under its name: a database that ran it holds the seed, which the
 * backfills' ledger records without seeding again (see backfillsHeldBeforeTheLedger).
 */
export class SeedReferenceDirectory1764288000008 implements MigrationInterface {
  name = 'SeedReferenceDirectory1764288000008';

  async up(): Promise<void> {
    // Nothing: see the backfill.
  }

  async down(): Promise<void> {
    // Nothing: the organisations go with their table (1764288000007's down).
  }
}
