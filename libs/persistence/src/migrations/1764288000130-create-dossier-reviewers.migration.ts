import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who reviews which dossier (issue 13): one row per reviewer named on a dossier and not since
 * stepped aside for a conflict of interest, with when they last scored it. It serves a reviewer's
 * queue (« mes dossiers à évaluer ») by its index on the reviewer; the scores themselves are in the
 * dossier's folded state (`dossier_summaries.snapshot`).
 */
export class CreateDossierReviewers1764288000130 implements MigrationInterface {
  name = 'CreateDossierReviewers1764288000130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dossier_reviewers (
        campaign_id     text          NOT NULL,
        organisation_id text          NOT NULL,
        reviewer_id     text          NOT NULL,
        assigned_at     timestamptz   NOT NULL,
        scored_at       timestamptz,
        weighted_score  numeric(5, 2),
        CONSTRAINT dossier_reviewers_pkey PRIMARY KEY (campaign_id, organisation_id, reviewer_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX dossier_reviewers_by_reviewer ON dossier_reviewers (reviewer_id, assigned_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dossier_reviewers');
  }
}
