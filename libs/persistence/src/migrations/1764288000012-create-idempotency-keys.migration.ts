import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's Idempotency-Key records: one row per caller, method, path and key, holding a hash of
 * the request body and, once answered, the response to replay. A row without a status is a
 * request still in flight (or abandoned: `claimed_at` tells how long ago).
 */
export class CreateIdempotencyKeys1764288000012 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1764288000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        caller          text        NOT NULL,
        method          text        NOT NULL,
        path            text        NOT NULL,
        idempotency_key text        NOT NULL,
        request_hash    text        NOT NULL,
        claim_id        uuid        NOT NULL,
        claimed_at      timestamptz NOT NULL DEFAULT now(),
        status_code     integer,
        content_type    text,
        response_body   text,
        completed_at    timestamptz,
        CONSTRAINT idempotency_keys_pkey PRIMARY KEY (caller, method, path, idempotency_key)
      )`);
    // For pruning the rows past their retention.
    await queryRunner.query(
      'CREATE INDEX idempotency_keys_by_claim_time ON idempotency_keys (claimed_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
