import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Whose key it is and for which route: the same key from another caller or path is another key. */
export interface IdempotencyScope {
  /** The token subject of the caller. */
  readonly caller: string;
  readonly method: string;
  /** The request path without its query string. */
  readonly path: string;
  readonly key: string;
}

/** A response as it was sent, to be sent again byte for byte. */
export interface StoredResponse {
  readonly statusCode: number;
  readonly contentType: string | null;
  readonly body: string;
}

/** What a request with an Idempotency-Key finds when it arrives. */
export type IdempotencyClaim =
  /** The key is this request's: it runs, then `complete` or `release` with the claim id. */
  | { readonly outcome: 'claimed'; readonly claimId: string }
  /** An earlier request with this key was answered. */
  | {
      readonly outcome: 'answered';
      readonly requestHash: string;
      readonly response: StoredResponse;
    }
  /** An earlier request with this key is still running. */
  | { readonly outcome: 'in-flight'; readonly requestHash: string };

export interface IdempotencyTimes {
  /** After this, a claim never completed (its process died) may be taken over by a repeat. */
  readonly leaseSeconds: number;
  /** After this, a key is forgotten and may be used again for anything. */
  readonly retentionSeconds: number;
}

export const DEFAULT_IDEMPOTENCY_TIMES: IdempotencyTimes = {
  leaseSeconds: 120,
  retentionSeconds: 24 * 60 * 60,
};

// A claim can vanish between the INSERT that found it and the SELECT that reads it (its request
// failed with a 5xx and released it): then claiming again settles it.
const CLAIM_ATTEMPTS = 3;

/**
 * The records behind the API's Idempotency-Key header. A request claims its key with one INSERT
 * (the primary key arbitrates concurrent repeats), and its response is stored once sent.
 */
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly times: IdempotencyTimes = DEFAULT_IDEMPOTENCY_TIMES,
  ) {}

  async claim(scope: IdempotencyScope, requestHash: string): Promise<IdempotencyClaim> {
    for (let attempt = 1; ; attempt++) {
      const claimId = randomUUID();
      const claimed = await this.dataSource.query<unknown[]>(
        `INSERT INTO idempotency_keys AS k
           (caller, method, path, idempotency_key, request_hash, claim_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (caller, method, path, idempotency_key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, claim_id = EXCLUDED.claim_id,
               claimed_at = now(), status_code = NULL, content_type = NULL,
               response_body = NULL, completed_at = NULL
           WHERE (k.completed_at IS NULL AND k.claimed_at < now() - make_interval(secs => $7))
              OR k.claimed_at < now() - make_interval(secs => $8)
         RETURNING 1`,
        [
          ...scopeValues(scope),
          requestHash,
          claimId,
          this.times.leaseSeconds,
          this.times.retentionSeconds,
        ],
      );
      if (claimed.length > 0) return { outcome: 'claimed', claimId };

      const [existing] = await this.dataSource.query<ExistingRow[]>(
        `SELECT request_hash AS "requestHash", status_code AS "statusCode",
                content_type AS "contentType", response_body AS "body"
           FROM idempotency_keys
          WHERE caller = $1 AND method = $2 AND path = $3 AND idempotency_key = $4`,
        scopeValues(scope),
      );
      if (existing === undefined) {
        if (attempt < CLAIM_ATTEMPTS) continue;
        return { outcome: 'in-flight', requestHash };
      }
      const { requestHash: storedHash, statusCode, contentType, body } = existing;
      return statusCode === null
        ? { outcome: 'in-flight', requestHash: storedHash }
        : {
            outcome: 'answered',
            requestHash: storedHash,
            response: { statusCode, contentType, body: body ?? '' },
          };
    }
  }

  /** Keeps the response of the claimed request, for its repeats. */
  async complete(
    scope: IdempotencyScope,
    claimId: string,
    response: StoredResponse,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET status_code = $6, content_type = $7, response_body = $8, completed_at = now()
        WHERE caller = $1 AND method = $2 AND path = $3 AND idempotency_key = $4
          AND claim_id = $5`,
      [...scopeValues(scope), claimId, response.statusCode, response.contentType, response.body],
    );
  }

  /** Frees the key of a request that failed on our side, so that a repeat runs again. */
  async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE caller = $1 AND method = $2 AND path = $3 AND idempotency_key = $4
          AND claim_id = $5`,
      [...scopeValues(scope), claimId],
    );
  }

  /** Deletes the keys past their retention; returns how many. */
  async prune(): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM idempotency_keys WHERE claimed_at < now() - make_interval(secs => $1)`,
      [this.times.retentionSeconds],
    );
    return deleted;
  }
}

interface ExistingRow {
  readonly requestHash: string;
  readonly statusCode: number | null;
  readonly contentType: string | null;
  readonly body: string | null;
}

function scopeValues(scope: IdempotencyScope): string[] {
  return [scope.caller, scope.method, scope.path, scope.key];
}
