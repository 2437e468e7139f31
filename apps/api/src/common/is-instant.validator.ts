import { isLocalDateTime } from '@amiflow/domain';
import { ValidateBy } from 'class-validator';

// An instant must say where it is: a trailing Z or an offset, never a bare wall-clock time.
const INSTANT_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const INSTANT_RULE = 'an ISO 8601 instant with Z or an offset (2019-11-15T00:00:00+01:00)';

/** The pattern, and a date that exists: JavaScript would read 30 February as 2 March. */
export function isInstantWithOffset(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = INSTANT_WITH_OFFSET.exec(value);
  return match !== null && isLocalDateTime(match[1]);
}

/** An instant the API can store in UTC without guessing a zone. */
export const IsInstant = () =>
  ValidateBy({
    name: 'isInstantWithOffset',
    validator: {
      validate: isInstantWithOffset,
      defaultMessage: (arguments_) => `${arguments_?.property ?? 'value'} must be ${INSTANT_RULE}`,
    },
  });

/** Instants arrive with any offset; the domain keeps them in UTC. */
export const toUtc = (instant: string): string => new Date(instant).toISOString();
