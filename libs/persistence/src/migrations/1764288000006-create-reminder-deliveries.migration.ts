import { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per reminder delivered to one recipient: the key makes a retried delivery a no-op. */
export class CreateReminderDeliveries1764288000006 implements MigrationInterface {
  name = 'CreateReminderDeliveries1764288000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder_deliveries (
        delivery_key    text        NOT NULL,
        campaign_id     text        NOT NULL,
        organisation_id text,
        rule_id         text        NOT NULL,
        kind            text        NOT NULL,
        occurrence      text        NOT NULL,
        recipient       text        NOT NULL,
        due_at          timestamptz NOT NULL,
        delivered_at    timestamptz NOT NULL DEFAULT now(),
        correlation_id  text        NOT NULL,
        CONSTRAINT reminder_deliveries_pkey PRIMARY KEY (delivery_key)
      )`);
    await queryRunner.query(
      'CREATE INDEX reminder_deliveries_by_campaign ON reminder_deliveries (campaign_id, due_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reminder_deliveries');
  }
}
