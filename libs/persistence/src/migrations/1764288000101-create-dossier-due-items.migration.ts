import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline view: every item still due on each dossier (`dueItems` of the domain), one row
 * each, read by campaign in order of due time. `position` orders a dossier's items among
 * themselves, so (due_at, organisation_id, position) is a total order for keyset pages.
 * Filled by the dossier projection; `npm run rebuild-read-models -- --replace` fills it for the
 * dossiers written before.
 */
export class CreateDossierDueItems1764288000101 implements MigrationInterface {
  name = 'CreateDossierDueItems1764288000101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dossier_due_items (
        campaign_id     text        NOT NULL,
        organisation_id text        NOT NULL,
        position        integer     NOT NULL,
        kind            text        NOT NULL,
        due_at          timestamptz NOT NULL,
        label           text        NOT NULL,
        CONSTRAINT dossier_due_items_pkey PRIMARY KEY (campaign_id, organisation_id, position)
      )`);
    await queryRunner.query(
      `CREATE INDEX dossier_due_items_by_due_time
         ON dossier_due_items (campaign_id, due_at, organisation_id, position)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dossier_due_items');
  }
}
