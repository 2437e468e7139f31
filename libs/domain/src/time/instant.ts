/** Instants travel as ISO 8601 strings in UTC (`2019-10-29T12:45:00.000Z`): JSON-safe, sortable. */
export type Instant = string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** The canonical form (milliseconds, `Z`), so equal instants are equal strings. */
export function instant(date: Date): Instant {
  return date.toISOString();
}

export function toDate(value: Instant): Date {
  return new Date(value);
}

/** True when `now` has reached `moment` (to the millisecond). */
export function hasReached(now: Date, moment: Instant): boolean {
  return now.getTime() >= Date.parse(moment);
}

/** Equal instants as equal strings, whatever form the caller wrote them in; non-instants as they are. */
export function canonicalInstant(value: string): string {
  return isInstant(value) ? instant(new Date(value)) : value;
}
