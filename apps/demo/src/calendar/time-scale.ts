import { Instant, instant } from '@amiflow/domain';

/**
 * A campaign's time played faster: the original calendar's first instant lands on `runStart`, and
 * every later one `speed` times closer to it. Linear, so the order and the proportions of every
 * interval are kept; instants are rounded to the millisecond.
 */
export interface TimeScale {
  /** The first instant of the original calendar (its opening), in ms since 1970. */
  readonly originalStart: number;
  /** Where it falls in the accelerated run, in ms since 1970. */
  readonly runStart: number;
  /** How many times faster than real time: 20 000 plays a day in 4.32 s. */
  readonly speed: number;
}

/** Where an instant of the original calendar falls in the run. */
export function toRunTime(scale: TimeScale, original: Instant | Date): Date {
  const ms = typeof original === 'string' ? Date.parse(original) : original.getTime();
  return new Date(scale.runStart + Math.round((ms - scale.originalStart) / scale.speed));
}

/** Which moment of the original calendar the run has reached at `run`. */
export function toOriginalTime(scale: TimeScale, run: Date): Date {
  return new Date(scale.originalStart + Math.round((run.getTime() - scale.runStart) * scale.speed));
}

export function runInstant(scale: TimeScale, original: Instant): Instant {
  return instant(toRunTime(scale, original));
}
