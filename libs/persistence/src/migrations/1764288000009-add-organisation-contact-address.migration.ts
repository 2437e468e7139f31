import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an organisation's notifications go. The reference organisations' illustrative addresses
 * are the `reference-contact-addresses` backfill (libs/persistence/src/backfills), no longer
 * written here.
 */
export class AddOrganisationContactAddress1764288000009 implements MigrationInterface {
  name = 'AddOrganisationContactAddress1764288000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organisations ADD COLUMN email text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organisations DROP COLUMN email');
  }
}
