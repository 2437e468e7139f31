import { MigrationInterface, QueryRunner } from 'typeorm';

/** The mails about one dossier, for the console's dossier page, without scanning its campaign's. */
export class IndexDeliveriesByDossier1764288000103 implements MigrationInterface {
  name = 'IndexDeliveriesByDossier1764288000103';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX reminder_deliveries_by_dossier
         ON reminder_deliveries (campaign_id, organisation_id, due_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX reminder_deliveries_by_dossier');
  }
}
