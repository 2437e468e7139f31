import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who a dossier waits on and what falls due on it next (`dossierWork`, `nextDue` of the domain),
 * so that the operators' tabs and the "due before"/"late" filters are columns an index serves.
 * The projection fills them in the appending transaction; rows written before this migration
 * stay empty until `npm run rebuild-read-models -- --replace` (a backfill is not a schema change).
 */
export class AddWorkAndDueToDossierSummaries1764288000100 implements MigrationInterface {
  name = 'AddWorkAndDueToDossierSummaries1764288000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE dossier_summaries
        ADD COLUMN waiting_on    text,
        ADD COLUMN waiting_since timestamptz,
        ADD COLUMN next_due_at   timestamptz,
        ADD COLUMN next_due_kind text`);
    // A tab's page in the default order (latest change first).
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_waiting_on
         ON dossier_summaries (campaign_id, waiting_on, last_change_at DESC, organisation_id)`,
    );
    // The list sorted by time left; "nothing due" sorts last, as if due at infinity.
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_next_due
         ON dossier_summaries (campaign_id, (coalesce(next_due_at, 'infinity')), organisation_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX dossier_summaries_by_next_due');
    await queryRunner.query('DROP INDEX dossier_summaries_by_waiting_on');
    await queryRunner.query(`
      ALTER TABLE dossier_summaries
        DROP COLUMN waiting_on,
        DROP COLUMN waiting_since,
        DROP COLUMN next_due_at,
        DROP COLUMN next_due_kind`);
  }
}
