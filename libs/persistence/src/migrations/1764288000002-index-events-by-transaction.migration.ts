import { MigrationInterface, QueryRunner } from 'typeorm';

/** Serves reading all events in (transaction, position) order from a checkpoint. */
export class IndexEventsByTransaction1764288000002 implements MigrationInterface {
  name = 'IndexEventsByTransaction1764288000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX events_transaction_position_idx ON events (transaction_id, global_position)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX events_transaction_position_idx');
  }
}
