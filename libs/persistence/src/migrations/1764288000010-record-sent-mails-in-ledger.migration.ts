import { MigrationInterface, QueryRunner } from 'typeorm';

/** A delivery is now a mail: the ledger keeps the address it went to and its Message-ID. */
export class RecordSentMailsInLedger1764288000010 implements MigrationInterface {
  name = 'RecordSentMailsInLedger1764288000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE reminder_deliveries ADD COLUMN address text, ADD COLUMN message_id text',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE reminder_deliveries DROP COLUMN address, DROP COLUMN message_id',
    );
  }
}
