import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A saved view keeps the table's columns too (the console's column picker), as the keys the
 * console names them by, in order. Views saved before keep the console's default columns
 * (an empty array).
 */
export class AddSavedViewColumns1764288000121 implements MigrationInterface {
  name = 'AddSavedViewColumns1764288000121';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE saved_views ADD COLUMN columns text[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE saved_views DROP COLUMN columns');
  }
}
