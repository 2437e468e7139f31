import { isLocalDateTime } from '@amiflow/domain';
import { ValidateBy } from 'class-validator';
import { INSTANT_MESSAGE } from './rule-messages';

// An instant must say where it is: a trailing Z or an offset, never a bare wall-clock time.
const INSTANT_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

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
      defaultMessage: () => INSTANT_MESSAGE,
    },
  });

/** Instants arrive with any offset; the domain keeps them in UTC. */
export const toUtc = (instant: string): string => new Date(instant).toISOString();
