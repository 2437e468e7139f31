import { createHash } from 'node:crypto';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
export const IDEMPOTENCY_KEY_RULE = '1 to 128 letters, digits, "_", ".", ":" or "-"';

const ACCEPTED = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A UUID, a ULID or the caller's own request id will do; anything else is refused. */
export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTED.test(value);
}

/**
 * Identifies what was asked: the same JSON with its keys in another order is the same request,
 * so a client that rebuilds its body before a retry is not told it reused its key.
 */
export function hashRequestBody(body: unknown): string {
  return createHash('sha256')
    .update(body === undefined ? '' : canonicalJson(body))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
