import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dossier summary grows to what operators list and filter by. Read models are derived data:
 * the table is recreated empty and `npm run rebuild-read-models` fills it from the events.
 */
export class ReshapeDossierSummaries1764288000003 implements MigrationInterface {
  name = 'ReshapeDossierSummaries1764288000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dossier_summaries');
    await queryRunner.query(`
      CREATE TABLE dossier_summaries (
        stream_id                 text        NOT NULL,
        campaign_id               text        NOT NULL,
        organisation_id           text        NOT NULL,
        organisation_name         text        NOT NULL,
        organisation_type         text        NOT NULL,
        profession                text,
        state                     text        NOT NULL,
        completeness_percent      integer     NOT NULL,
        missing_required_sections text[]      NOT NULL,
        next_deadline             timestamptz,
        submitted_at              timestamptz,
        created_at                timestamptz NOT NULL,
        last_change_at            timestamptz NOT NULL,
        last_event_type           text        NOT NULL,
        version                   integer     NOT NULL,
        snapshot                  jsonb       NOT NULL,
        CONSTRAINT dossier_summaries_pkey PRIMARY KEY (campaign_id, organisation_id),
        CONSTRAINT dossier_summaries_stream_unique UNIQUE (stream_id)
      )`);
    // The list's default order (latest change first) and its most common filter (state).
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_last_change
         ON dossier_summaries (campaign_id, last_change_at DESC, organisation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_state
         ON dossier_summaries (campaign_id, state, last_change_at DESC, organisation_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dossier_summaries');
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
}
