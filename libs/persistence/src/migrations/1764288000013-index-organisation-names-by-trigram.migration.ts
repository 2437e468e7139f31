import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operators search dossiers by words of the organisation's name (`ILIKE '%…%'`), which no B-tree
 * serves: a trigram index does, from three characters on (pg_trgm ships with PostgreSQL).
 */
export class IndexOrganisationNamesByTrigram1764288000013 implements MigrationInterface {
  name = 'IndexOrganisationNamesByTrigram1764288000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_name_trigrams
         ON dossier_summaries USING gin (organisation_name gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The extension stays: other schemas of the database may use it.
    await queryRunner.query('DROP INDEX dossier_summaries_by_name_trigrams');
  }
}
