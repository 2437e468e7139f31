import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A delivery is claimed before its mail is sent (status SENDING, with the claiming attempt's
 * token and the end of its lease), so a retry that starts while an earlier attempt is still in
 * its SMTP conversation sends no second copy. A mail that no longer concerns its recipient when
 * it would go out is DROPPED, with the reason.
 */
export class ClaimDeliveriesBeforeSending1764288000031 implements MigrationInterface {
  name = 'ClaimDeliveriesBeforeSending1764288000031';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE reminder_deliveries
        ADD COLUMN claim_token text,
        ADD COLUMN claimed_until timestamptz,
        ADD COLUMN dropped_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Without claims, a delivery caught mid-send is one to try again.
    await queryRunner.query(
      `UPDATE reminder_deliveries SET status = 'FAILED' WHERE status = 'SENDING'`,
    );
    await queryRunner.query(`
      ALTER TABLE reminder_deliveries
        DROP COLUMN claim_token, DROP COLUMN claimed_until, DROP COLUMN dropped_reason`);
  }
}
