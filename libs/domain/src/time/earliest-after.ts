import { Instant } from './instant';

/**
 * The earliest of these instants strictly after `now`, to the millisecond, or none: when a clock
 * next has something to do, what is due at `now` itself being done before it sleeps.
 */
export function earliestAfter(instants: readonly Instant[], now: Date): Instant | undefined {
  let earliest: Instant | undefined;
  for (const at of instants) {
    if (Date.parse(at) <= now.getTime()) continue;
    if (earliest === undefined || Date.parse(at) < Date.parse(earliest)) earliest = at;
  }
  return earliest;
}
