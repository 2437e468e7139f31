import { addCalendarDays, atLocalTime } from './zoned-time';

/**
 * How far from a date a reminder falls. Days are calendar days in the campaign's zone (J-7 keeps
 * its wall-clock time across a change of time); hours, minutes and seconds are elapsed time.
 * Negative values fall before the date.
 */
export interface Offset {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

/**
 * Applies the offset in the zone; `time` (`HH:mm`, local) then pins the wall-clock time of the
 * day reached, e.g. "the day before, at 09:00".
 */
export function applyOffset(anchor: Date, offset: Offset, zone: string, time?: string): Date {
  const day = addCalendarDays(anchor, offset.days ?? 0, zone);
  const elapsedMs =
    ((offset.hours ?? 0) * 3600 + (offset.minutes ?? 0) * 60 + (offset.seconds ?? 0)) * 1000;
  const shifted = new Date(day.getTime() + elapsedMs);
  return time === undefined ? shifted : atLocalTime(shifted, time, zone);
}
