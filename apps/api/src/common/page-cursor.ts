import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { invalidInput } from '../errors/invalid-input';

export const DEFAULT_PAGE_SIZE = 50;

/** Where a page sorted by an instant then a business key ended. */
export interface KeysetPosition {
  readonly at: string;
  readonly key: string;
}

/** Opaque to callers: base64url of the last row's sort key. */
export function encodeCursor({ at, key }: KeysetPosition): string {
  return Buffer.from(JSON.stringify([at, key])).toString('base64url');
}

/**
 * Only what `encodeCursor` writes is read back: a canonical UTC instant (PostgreSQL refuses
 * 30 February, `Date.parse` does not) and a business key. Anything else is a 400, never a 500.
 */
export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const [at, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      typeof key === 'string' &&
      BUSINESS_KEY_PATTERN.test(key) &&
      !Number.isNaN(Date.parse(at)) &&
      new Date(at).toISOString() === at
    ) {
      return { at, key };
    }
  } catch {
    // Falls through to the refusal.
  }
  throw invalidInput(
    'cursor',
    "n'est pas celui d'une page",
    "Ce curseur n'est pas celui d'une page.",
  );
}
