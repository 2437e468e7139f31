import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDossierSummaries1764288000001 implements MigrationInterface {
  name = 'CreateDossierSummaries1764288000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dossier_summaries (
        campaign_id       text        NOT NULL,
        organisation_id   text        NOT NULL,
        organisation_name text        NOT NULL,
        state             text        NOT NULL,
        version           integer     NOT NULL,
        created_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL,
        CONSTRAINT dossier_summaries_pkey PRIMARY KEY (campaign_id, organisation_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dossier_summaries');
  }
}
