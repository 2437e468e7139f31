import { utcOffsetMinutes } from '@amiflow/domain';

const DAY_MS = 24 * 3_600_000;
/** How far around the event the zone's rules are written: calendars need them at its instants. */
const MARGIN_MS = 366 * DAY_MS;

/**
 * The VTIMEZONE block (RFC 5545 §3.6.5) of an IANA zone around an event's instants (UTC, ms), made
 * from the platform's own zone data (Intl, as every date in the mails is): one observance for the
 * offset in force a year before `from`, then one per change of offset up to a year after `to`,
 * each with its exact onset. Rules are never guessed from a pattern, so a zone that changed its
 * rules, or has none (La Réunion), is described as the mails' times were computed.
 */
export function vtimezone(zone: string, from: number, to: number): string {
  const start = Math.floor((from - MARGIN_MS) / 60_000) * 60_000;
  const end = to + MARGIN_MS;
  const offsetAt = (at: number) => utcOffsetMinutes(new Date(at), zone);
  const changes: { at: number; from: number; to: number }[] = [];
  let previous = offsetAt(start);
  for (let at = start + DAY_MS; at <= end + DAY_MS; at += DAY_MS) {
    const offset = offsetAt(at);
    if (offset === previous) continue;
    changes.push({
      at: firstInstantWith(offset, at - DAY_MS, at, offsetAt),
      from: previous,
      to: offset,
    });
    previous = offset;
  }
  const initial = offsetAt(start);
  const standard = Math.min(initial, ...changes.map((change) => change.to));
  const observance = (at: number, offsetFrom: number, offsetTo: number) => [
    `BEGIN:${offsetTo > standard ? 'DAYLIGHT' : 'STANDARD'}`,
    // The onset is written as the wall clock read it just before the change (§3.6.5).
    `DTSTART:${wallClock(at, offsetFrom)}`,
    `TZOFFSETFROM:${utcOffset(offsetFrom)}`,
    `TZOFFSETTO:${utcOffset(offsetTo)}`,
    `END:${offsetTo > standard ? 'DAYLIGHT' : 'STANDARD'}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(start, initial, initial),
    ...changes.flatMap((change) => observance(change.at, change.from, change.to)),
    'END:VTIMEZONE',
  ].join('\r\n');
}

/** The first whole minute in (after, before] at which the zone's offset is `offset`. */
function firstInstantWith(
  offset: number,
  after: number,
  before: number,
  offsetAt: (at: number) => number,
): number {
  let low = after;
  let high = before;
  while (high - low > 60_000) {
    const middle = Math.floor((low + high) / 2 / 60_000) * 60_000;
    if (middle <= low) break;
    if (offsetAt(middle) === offset) high = middle;
    else low = middle;
  }
  return high;
}

/** `YYYYMMDDTHHMMSS`, the local time an offset (minutes east of UTC) gives at an instant. */
function wallClock(at: number, offset: number): string {
  return new Date(at + offset * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/** `+0100`, `-0230`: RFC 5545 §3.3.14. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}${String(absolute % 60).padStart(2, '0')}`;
}
