import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger of data backfills (libs/persistence/src/backfills): one row per backfill this
 * database holds, `ran` false for those it held already because a schema migration carried them
 * before they became backfills of their own (the reference directory, its contact addresses, the
 * NO_ADDRESS deliveries).
 */
export class CreateDataBackfills1764288000123 implements MigrationInterface {
  name = 'CreateDataBackfills1764288000123';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_backfills (
        name text PRIMARY KEY,
        ran boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE data_backfills');
  }
}
