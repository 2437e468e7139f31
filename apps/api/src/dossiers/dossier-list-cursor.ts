import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import {
  DossierPageCursor,
  DossierSortKey,
  SortOrder,
  sortValueType,
  DueItemCursor,
} from '@amiflow/persistence';
import { invalidInput } from '../errors/invalid-input';

/** Opaque to callers: base64url of the sort it belongs to and the last row's sort key. */
export function encodeDossierCursor(
  sort: DossierSortKey,
  order: SortOrder,
  { value, organisationId }: DossierPageCursor,
): string {
  return Buffer.from(JSON.stringify([sort, order, value, organisationId])).toString('base64url');
}

/**
 * Reads back only what `encodeDossierCursor` wrote for this very sort and order (a cursor of
 * another sort would skip or repeat rows), with values PostgreSQL takes as they are: a canonical
 * UTC instant (or null), a text without control characters, an integer. Anything else is a 400.
 */
export function decodeDossierCursor(
  cursor: string,
  sort: DossierSortKey,
  order: SortOrder,
): DossierPageCursor {
  const parts = parse(cursor);
  if (parts?.length === 4 && parts[0] === sort && parts[1] === order) {
    const [, , value, organisationId] = parts;
    if (
      typeof organisationId === 'string' &&
      BUSINESS_KEY_PATTERN.test(organisationId) &&
      isSortValue(value, sort)
    ) {
      return { value, organisationId };
    }
  }
  throw invalidInput(
    'cursor',
    "n'est pas celui d'une page de cette liste",
    "Ce curseur n'est pas celui d'une page de cette liste.",
  );
}

/** The deadline view's cursor: the last item's due instant, dossier and rank. */
export function encodeDueCursor({ dueAt, organisationId, position }: DueItemCursor): string {
  return Buffer.from(JSON.stringify([dueAt, organisationId, position])).toString('base64url');
}

export function decodeDueCursor(cursor: string): DueItemCursor {
  const parts = parse(cursor);
  if (parts?.length === 3) {
    const [dueAt, organisationId, position] = parts;
    if (
      isCanonicalInstant(dueAt) &&
      typeof organisationId === 'string' &&
      BUSINESS_KEY_PATTERN.test(organisationId) &&
      Number.isInteger(position) &&
      (position as number) >= 0 &&
      (position as number) < 1000
    ) {
      return { dueAt, organisationId, position: position as number };
    }
  }
  throw invalidInput(
    'cursor',
    "n'est pas celui d'une page de cette liste",
    "Ce curseur n'est pas celui d'une page de cette liste.",
  );
}

function parse(cursor: string): unknown[] | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) ? parts : undefined;
  } catch {
    return undefined;
  }
}

function isSortValue(value: unknown, sort: DossierSortKey): value is string | number | null {
  switch (sortValueType(sort)) {
    case 'instant':
      return value === null || isCanonicalInstant(value);
    case 'text':
      // eslint-disable-next-line no-control-regex
      return typeof value === 'string' && value.length <= 1000 && !/[\u0000-\u001f]/.test(value);
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100;
  }
}

/** PostgreSQL refuses 30 February, `Date.parse` does not: only `toISOString`'s own output. */
function isCanonicalInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(value).toISOString() === value
  );
}
