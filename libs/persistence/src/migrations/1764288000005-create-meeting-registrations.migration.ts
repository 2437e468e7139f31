import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMeetingRegistrations1764288000005 implements MigrationInterface {
  name = 'CreateMeetingRegistrations1764288000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meeting_registrations (
        campaign_id       text        NOT NULL,
        organisation_id   text        NOT NULL,
        organisation_name text        NOT NULL,
        status            text        NOT NULL,
        position          integer     NOT NULL,
        registered_at     timestamptz NOT NULL,
        CONSTRAINT meeting_registrations_pkey PRIMARY KEY (campaign_id, organisation_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE meeting_registrations');
  }
}
