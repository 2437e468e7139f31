import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every statement that changes the dossier summaries (the rows the dossier list reads) sends a
 * notification on `dossier_list_changes` when its transaction commits (none if it rolls back):
 * the JSON array of the campaigns whose rows it touched, or `*` for a TRUNCATE (or more campaigns
 * than a notification holds). The API's cache of list pages listens and forgets those campaigns'
 * pages (`DossierListChanges`). Statement-level triggers with transition tables: one notification
 * per statement, not per row; PostgreSQL folds identical payloads of one transaction into one.
 */
export class NotifyDossierListChanges1764288000160 implements MigrationInterface {
  name = 'NotifyDossierListChanges1764288000160';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_dossier_list_changes() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        campaigns text;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          campaigns := '*';
        ELSIF TG_OP = 'UPDATE' THEN
          SELECT json_agg(DISTINCT campaign_id)::text INTO campaigns
            FROM (SELECT campaign_id FROM old_rows UNION SELECT campaign_id FROM new_rows) AS c;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT json_agg(DISTINCT campaign_id)::text INTO campaigns FROM old_rows;
        ELSE
          SELECT json_agg(DISTINCT campaign_id)::text INTO campaigns FROM new_rows;
        END IF;
        IF campaigns IS NULL THEN
          RETURN NULL;
        END IF;
        -- A notification's payload holds under 8,000 bytes.
        IF octet_length(campaigns) > 7000 THEN
          campaigns := '*';
        END IF;
        PERFORM pg_notify('dossier_list_changes', campaigns);
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER dossier_summaries_inserted_notify AFTER INSERT ON dossier_summaries
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION notify_dossier_list_changes()`);
    await queryRunner.query(`
      CREATE TRIGGER dossier_summaries_updated_notify AFTER UPDATE ON dossier_summaries
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION notify_dossier_list_changes()`);
    await queryRunner.query(`
      CREATE TRIGGER dossier_summaries_deleted_notify AFTER DELETE ON dossier_summaries
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION notify_dossier_list_changes()`);
    await queryRunner.query(`
      CREATE TRIGGER dossier_summaries_truncated_notify AFTER TRUNCATE ON dossier_summaries
        FOR EACH STATEMENT EXECUTE FUNCTION notify_dossier_list_changes()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['inserted', 'updated', 'deleted', 'truncated'])
      await queryRunner.query(
        `DROP TRIGGER dossier_summaries_${trigger}_notify ON dossier_summaries`,
      );
    await queryRunner.query('DROP FUNCTION notify_dossier_list_changes()');
  }
}
