import ical, {
  ICalAttendeeRole,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalTimezone,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { vtimezone } from './vtimezone';

export interface CalendarEvent {
  /** Stable across updates: the same appointment keeps its UID. */
  readonly uid: string;
  /** Grows with each change, so calendars replace the earlier version. */
  readonly sequence: number;
  /** UTC instants (ISO 8601). */
  readonly startsAt: string;
  readonly endsAt: string;
  /** The campaign's IANA zone, in which the times are written. */
  readonly timeZone: string;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  /** The organiser's address (no display name). */
  readonly organizer: string;
  readonly attendee: string;
  /** REQUEST to invite or update, CANCEL to call it off. */
  readonly method: 'REQUEST' | 'CANCEL';
  /** When this version was issued (DTSTAMP), a UTC instant. */
  readonly issuedAt: string;
}

/** The name calendars show for the organiser of every invitation. */
const ORGANISER_NAME = "Appel à manifestation d'intérêt";

/**
 * An iCalendar (RFC 5545) invitation, written by ical-generator, whose times are in the
 * campaign's zone (TZID) with that zone's VTIMEZONE, made from the same zone data as the times
 * the mails show (see `vtimezone`): RFC 5545 §3.2.19 requires one for each TZID, and a calendar
 * then shows 13:45 in Paris, or 16:45 in La Réunion, whatever side of a change of time.
 */
export function calendarInvitation(event: CalendarEvent): string {
  const [from, to] = [Date.parse(event.startsAt), Date.parse(event.endsAt)];
  const timezone: ICalTimezone = {
    // Only the generator: a calendar-wide name would add non-standard X-WR-TIMEZONE lines.
    name: null,
    generator: (zone) => vtimezone(zone, Math.min(from, to), Math.max(from, to)),
  };
  const calendar = ical({
    prodId: { company: 'amiflow', product: 'AMI', language: 'FR' },
    method: event.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone,
  });
  const at = (instant: string) => DateTime.fromISO(instant, { zone: 'utc' });
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    stamp: new Date(event.issuedAt),
    start: at(event.startsAt),
    end: at(event.endsAt),
    timezone: event.timeZone,
    summary: event.summary,
    location: event.location,
    description: event.description,
    organizer: { name: ORGANISER_NAME, email: event.organizer },
    attendees: [{ email: event.attendee, role: ICalAttendeeRole.REQ, rsvp: true }],
    status: event.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
