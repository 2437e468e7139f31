import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery that fails is kept, with its attempts and last error, for operators to see; it
 * becomes SENT when a retry gets through. Rows without an address are NO_ADDRESS: for the rows
 * written before, the `no-address-deliveries` backfill (libs/persistence/src/backfills).
 */
export class TrackDeliveryFailures1764288000011 implements MigrationInterface {
  name = 'TrackDeliveryFailures1764288000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reminder_deliveries
        ADD COLUMN status text NOT NULL DEFAULT 'SENT',
        ADD COLUMN failed_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_error text`);
    await queryRunner.query(
      `CREATE INDEX reminder_deliveries_failed ON reminder_deliveries (campaign_id)
        WHERE status = 'FAILED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reminder_deliveries
        DROP COLUMN status, DROP COLUMN failed_attempts, DROP COLUMN last_error`);
  }
}
