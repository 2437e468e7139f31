import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCampaignSummaries1764288000004 implements MigrationInterface {
  name = 'CreateCampaignSummaries1764288000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_summaries (
        campaign_id            text        NOT NULL,
        stream_id              text        NOT NULL,
        title                  text        NOT NULL,
        phase                  text        NOT NULL,
        time_zone              text        NOT NULL,
        opens_at               timestamptz NOT NULL,
        meeting_starts_at      timestamptz,
        submission_deadline    timestamptz NOT NULL,
        consultations_start_at timestamptz NOT NULL,
        calendar               jsonb       NOT NULL,
        created_at             timestamptz NOT NULL,
        phase_changed_at       timestamptz NOT NULL,
        version                integer     NOT NULL,
        snapshot               jsonb       NOT NULL,
        CONSTRAINT campaign_summaries_pkey PRIMARY KEY (campaign_id),
        CONSTRAINT campaign_summaries_stream_unique UNIQUE (stream_id)
      )`);
    // Kept by the dossier projection: a count per state, so a campaign's counts never scan its
    // dossiers. Rows are updated in state order, so two transactions never lock them crosswise.
    await queryRunner.query(`
      CREATE TABLE campaign_dossier_counts (
        campaign_id text    NOT NULL,
        state       text    NOT NULL,
        count       integer NOT NULL,
        CONSTRAINT campaign_dossier_counts_pkey PRIMARY KEY (campaign_id, state)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE campaign_dossier_counts');
    await queryRunner.query('DROP TABLE campaign_summaries');
  }
}
