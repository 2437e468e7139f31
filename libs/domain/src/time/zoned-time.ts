/**
 * Wall-clock time in a named zone, from the engine's own time-zone data (Intl): no library, no
 * I/O, and the same answer inside a Temporal workflow as in a unit test.
 */

/** A local date and time without zone: `YYYY-MM-DDTHH:mm` or `YYYY-MM-DDTHH:mm:ss`. */
export type LocalDateTime = string;

/** The form of a LocalDateTime; whether the date exists is isLocalDateTime's to say. */
export const LOCAL_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    asUtc.getUTCFullYear() === year &&
    asUtc.getUTCMonth() === month - 1 &&
    asUtc.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/** The local date and time an instant shows in a zone, to the second. */
export function toLocalDateTime(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) parts[part.type] = part.value;
  // Some engines write midnight as hour 24.
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return `${parts.year}-${parts.month}-${parts.day}T${hour}:${parts.minute}:${parts.second}`;
}

/** Minutes to add to UTC to get the zone's wall clock at this instant (+60 in Paris in winter). */
export function utcOffsetMinutes(instant: Date, zone: string): number {
  const wallClockAsUtc = Date.parse(`${toLocalDateTime(instant, zone)}Z`);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallClockAsUtc - wholeSeconds) / 60_000);
}

/**
 * The instant a zone's wall clock shows this local time. When the clocks go back the local
 * time happens twice: the first is meant. When they go forward it never happens: the clock
 * reading an hour later is meant (02:30 on a spring-forward night in Paris is 03:30 summer time).
 */
export function fromLocalDateTime(local: LocalDateTime, zone: string): Date {
  if (!isLocalDateTime(local)) throw new RangeError(`Not a local date and time: ${local}`);
  const wallClockAsUtc = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  const dayMs = 24 * 3_600_000;
  const offsetBefore = utcOffsetMinutes(new Date(wallClockAsUtc - dayMs), zone);
  const offsetAfter = utcOffsetMinutes(new Date(wallClockAsUtc + dayMs), zone);
  const candidates = [offsetBefore, offsetAfter]
    .map((offset) => new Date(wallClockAsUtc - offset * 60_000))
    .filter((instant) => toLocalDateTime(instant, zone).startsWith(local))
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates[0] ?? new Date(wallClockAsUtc - offsetBefore * 60_000);
}

/** The same wall-clock time a number of calendar days later (or earlier) in the zone. */
export function addCalendarDays(instant: Date, days: number, zone: string): Date {
  const local = toLocalDateTime(instant, zone);
  const date = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const sameWallClock = fromLocalDateTime(
    `${date.toISOString().slice(0, 10)}${local.slice(10)}`,
    zone,
  );
  // Wall-clock readings stop at the second: the milliseconds carry over as they were.
  return new Date(sameWallClock.getTime() + (((instant.getTime() % 1000) + 1000) % 1000));
}

/** The same calendar day in the zone, at another wall-clock time (`HH:mm`). */
export function atLocalTime(instant: Date, time: string, zone: string): Date {
  return fromLocalDateTime(`${toLocalDateTime(instant, zone).slice(0, 10)}T${time}`, zone);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}
