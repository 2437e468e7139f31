import { MigrationInterface, QueryRunner } from 'typeorm';

/** The indexes the dossier list reads in its default order (latest change first), by what they start with. */
const LIST_INDEXES = [
  { name: 'dossier_summaries_by_last_change', prefix: 'campaign_id' },
  { name: 'dossier_summaries_by_state', prefix: 'campaign_id, state' },
  { name: 'dossier_summaries_by_waiting_on', prefix: 'campaign_id, waiting_on' },
];

/**
 * The list sorts by last change with ties broken by organisation id in the same direction
 * (`last_change_at DESC, organisation_id DESC`, or both ascending); the indexes had the id
 * ascending, so PostgreSQL read them in order of change and sorted each group of equal instants
 * again (an incremental sort over the first page's 52 rows). In the list's own order, the first
 * page is the index's first 51 entries, read forwards (or backwards for `order=asc`) with
 * nothing left to sort.
 */
export class OrderDossierListIndexesAsTheList1764288000150 implements MigrationInterface {
  name = 'OrderDossierListIndexesAsTheList1764288000150';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { name, prefix } of LIST_INDEXES) {
      await queryRunner.query(`DROP INDEX ${name}`);
      await queryRunner.query(
        `CREATE INDEX ${name}
           ON dossier_summaries (${prefix}, last_change_at DESC, organisation_id DESC)`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { name, prefix } of LIST_INDEXES) {
      await queryRunner.query(`DROP INDEX ${name}`);
      await queryRunner.query(
        `CREATE INDEX ${name} ON dossier_summaries (${prefix}, last_change_at DESC, organisation_id)`,
      );
    }
  }
}
