import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Operators' searches ignore case, accents and ligatures (issue 10, fault 8): the dossier summary
 * keeps the organisation's name and profession in that form (`searchText`, filled by the
 * projection, in TypeScript, so no extension such as unaccent is needed — the embedded
 * PostgreSQL has none), and the name's trigram index moves to the searched column. The columns
 * stay NULL on the rows written before: `npm run rebuild-read-models -- --replace` fills them.
 */
export class SearchDossiersWithoutAccents1764288000014 implements MigrationInterface {
  name = 'SearchDossiersWithoutAccents1764288000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE dossier_summaries
         ADD COLUMN search_name text,
         ADD COLUMN search_profession text`,
    );
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_search_name_trigrams
         ON dossier_summaries USING gin (search_name gin_trgm_ops)`,
    );
    await queryRunner.query('DROP INDEX dossier_summaries_by_name_trigrams');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX dossier_summaries_by_name_trigrams
         ON dossier_summaries USING gin (organisation_name gin_trgm_ops)`,
    );
    await queryRunner.query('DROP INDEX dossier_summaries_by_search_name_trigrams');
    await queryRunner.query(
      `ALTER TABLE dossier_summaries DROP COLUMN search_name, DROP COLUMN search_profession`,
    );
  }
}
