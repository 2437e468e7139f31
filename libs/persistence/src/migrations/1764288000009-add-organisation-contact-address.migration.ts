import { MigrationInterface, QueryRunner } from 'typeorm';
import reference from '../directory/reference-organisations.json';

/**
 * Where an organisation's notifications go. The reference organisations get illustrative
 * addresses under `.example` (a reserved domain: nothing leaves for real).
 */
export class AddOrganisationContactAddress1764288000009 implements MigrationInterface {
  name = 'AddOrganisationContactAddress1764288000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organisations ADD COLUMN email text');
    await queryRunner.query(
      `UPDATE organisations SET email = 'contact@' || organisation_id || '.example'
        WHERE organisation_id = ANY($1::text[])`,
      [reference.organisations.map((organisation) => organisation.organisationId)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organisations DROP COLUMN email');
  }
}
