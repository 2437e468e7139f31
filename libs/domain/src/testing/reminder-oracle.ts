// An independent reading of the reminder rules, with Intl only: what the property tests compare
// the domain's time arithmetic (time/zoned-time.ts, time/offset.ts) against.
import { ReminderRule } from '../reminders/reminder-rule';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall clock at an instant, as milliseconds since 1970 read as if it were UTC. */
export function wallClock(ms: number, zone: string): number {
  let format = wallClockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const fraction = ((ms % SECOND) + SECOND) % SECOND;
  return (
    Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour') % 24,
      part('minute'),
      part('second'),
    ) + fraction
  );
}

/** When the clocks go back, the first of the two instants; when they skip, an hour later. */
export function fromWallClock(wall: number, zone: string): number {
  const offsetBefore = wallClock(wall - DAY, zone) - (wall - DAY);
  const offsetAfter = wallClock(wall + DAY, zone) - (wall + DAY);
  const candidates = [wall - offsetBefore, wall - offsetAfter]
    .filter((candidate) => wallClock(candidate, zone) === wall)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - offsetBefore;
}

/** The instant of `HH:mm` on a local day (given as its midnight, read as UTC). */
export function onLocalDay(day: number, time: string, zone: string): number {
  const [hh, mm] = time.split(':').map(Number);
  return fromWallClock(day + hh * HOUR + mm * MINUTE, zone);
}

/**
 * Days are calendar days (same wall-clock time), hours and minutes elapsed time, and
 * `atLocalTime` then pins the wall-clock time of the day reached.
 */
export function expectedDueAt(rule: ReminderRule, anchor: string, zone: string): string {
  const { days = 0, hours = 0, minutes = 0, seconds = 0 } = rule.offset;
  let at = fromWallClock(wallClock(Date.parse(anchor), zone) + days * DAY, zone);
  at += hours * HOUR + minutes * MINUTE + seconds * SECOND;
  if (rule.atLocalTime !== undefined) {
    at = onLocalDay(Math.floor(wallClock(at, zone) / DAY) * DAY, rule.atLocalTime, zone);
  }
  return new Date(at).toISOString();
}
