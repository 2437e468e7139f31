import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEventStore1764288000000 implements MigrationInterface {
  name = 'CreateEventStore1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // transaction_id lets a reader stop below the oldest transaction still running, since a
    // later global_position can commit before an earlier one (docs/architecture.md, known pitfalls).
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigserial   NOT NULL,
        event_id        uuid        NOT NULL,
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL,
        type            text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        CONSTRAINT events_pkey PRIMARY KEY (global_position),
        CONSTRAINT events_event_id_unique UNIQUE (event_id),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_stream_version_positive CHECK (stream_version > 0)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE events');
  }
}
