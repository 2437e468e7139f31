import { toLocalDateTime } from '@amiflow/domain';

export interface CalendarEvent {
  /** Stable across updates: the same appointment keeps its UID. */
  readonly uid: string;
  /** Grows with each change, so calendars replace the earlier version. */
  readonly sequence: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  readonly organizer: string;
  readonly attendee: string;
  /** REQUEST to invite or update, CANCEL to call it off. */
  readonly method: 'REQUEST' | 'CANCEL';
  /** When this version was issued (DTSTAMP). */
  readonly issuedAt: string;
}

/**
 * An iCalendar (RFC 5545) invitation whose times are written in the campaign's zone (TZID), with
 * that zone's rules, so a calendar shows 13:45 in Paris whatever side of a change of time it is.
 */
export function calendarInvitation(event: CalendarEvent): string {
  const local = (instant: string) =>
    toLocalDateTime(new Date(instant), event.timeZone).replace(/[-:]/g, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//amiflow//AMI//FR',
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    ...timeZoneBlock(event.timeZone),
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.issuedAt)}`,
    `DTSTART;TZID=${event.timeZone}:${local(event.startsAt)}`,
    `DTEND;TZID=${event.timeZone}:${local(event.endsAt)}`,
    `SUMMARY:${text(event.summary)}`,
    `LOCATION:${text(event.location)}`,
    `DESCRIPTION:${text(event.description)}`,
    `ORGANIZER:mailto:${event.organizer}`,
    `ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:${event.attendee}`,
    `STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.flatMap(fold).join('\r\n')}\r\n`;
}

/**
 * The zone's rules as calendars expect them. Europe/Paris (and the other zones of the EU rule)
 * change on the last Sunday of March at 01:00 UTC and of October at 01:00 UTC; other zones are
 * described by their current offset only.
 */
function timeZoneBlock(zone: string): string[] {
  if (zone === 'Europe/Paris' || zone === 'Europe/Brussels' || zone === 'Europe/Luxembourg') {
    return [
      'BEGIN:VTIMEZONE',
      `TZID:${zone}`,
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'DTSTART:19700329T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'DTSTART:19701025T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
  }
  return [];
}

function utc(instant: string): string {
  return `${new Date(instant).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string[] {
  const parts: string[] = [];
  let rest = Buffer.from(line, 'utf8');
  let limit = 75;
  while (rest.length > limit) {
    let cut = limit;
    // Never split a UTF-8 sequence.
    while ((rest[cut] & 0xc0) === 0x80) cut--;
    parts.push(rest.subarray(0, cut).toString('utf8'));
    rest = rest.subarray(cut);
    limit = 74;
  }
  parts.push(rest.toString('utf8'));
  return parts.map((part, index) => (index === 0 ? part : ` ${part}`));
}
