import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's saved views: a named dossier-list query of one campaign, per user (the token's
 * subject). A user reads and writes only their own rows.
 */
export class CreateSavedViews1764288000102 implements MigrationInterface {
  name = 'CreateSavedViews1764288000102';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE saved_views (
        subject     text        NOT NULL,
        view_id     text        NOT NULL,
        name        text        NOT NULL,
        campaign_id text        NOT NULL,
        query       text        NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT saved_views_pkey PRIMARY KEY (subject, view_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE saved_views');
  }
}
