import { MigrationInterface, QueryRunner } from 'typeorm';

/** The organisations campaigns address, with what eligibility rules need to know of them. */
export class CreateOrganisationDirectory1764288000007 implements MigrationInterface {
  name = 'CreateOrganisationDirectory1764288000007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        organisation_id      text        NOT NULL,
        name                 text        NOT NULL,
        type                 text        NOT NULL,
        profession           text,
        identifiers          jsonb       NOT NULL DEFAULT '{}',
        parent_federation_id text,
        profession_has_cnp   boolean,
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisations_pkey PRIMARY KEY (organisation_id),
        CONSTRAINT organisations_parent_federation_fkey FOREIGN KEY (parent_federation_id)
          REFERENCES organisations (organisation_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX organisations_by_parent ON organisations (parent_federation_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE organisations');
  }
}
