import type { Offset } from './offset.schema';
import { addCalendarDays, atLocalTime } from './zoned-time';

export type { Offset } from './offset.schema';

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
