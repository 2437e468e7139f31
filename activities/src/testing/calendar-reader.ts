import ICAL from 'ical.js';

/** One event of an .ics file as a calendar application reads it. */
export interface ReadInvitation {
  readonly method: string | null;
  readonly uid: string;
  readonly sequence: number;
  readonly status: string | null;
  /** The TZID of DTSTART, if it names one. */
  readonly tzid: string | null;
  /** The TZIDs the file defines by a VTIMEZONE block. */
  readonly definedZones: string[];
  /** DTSTART and DTEND resolved to UTC instants through the file's own VTIMEZONE (ISO, ms). */
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * Reads an .ics with ical.js, an independent parser, the way a calendar does: a local time under
 * a TZID is turned into an instant by the rules of that TZID's VTIMEZONE in the same file (never
 * by the platform's zone data). A TZID without a VTIMEZONE is an error, as RFC 5545 §3.2.19 says.
 */
export function readInvitation(ics: string): ReadInvitation {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const zones = new Map(
    calendar
      .getAllSubcomponents('vtimezone')
      .map((component) => [String(component.getFirstPropertyValue('tzid')), component]),
  );
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  const instantOf = (name: string): { instant: string; tzid: string | null } => {
    const property = event.getFirstProperty(name);
    if (!property) throw new Error(`no ${name}`);
    const tzid = (property.getParameter('tzid') as string | undefined) ?? null;
    const time = (property.getFirstValue() as ICAL.Time).clone();
    if (tzid) {
      const component = zones.get(tzid);
      if (!component) throw new Error(`TZID ${tzid} has no VTIMEZONE`);
      time.zone = new ICAL.Timezone(component);
    }
    return { instant: new Date(time.toUnixTime() * 1000).toISOString(), tzid };
  };
  const start = instantOf('dtstart');
  return {
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? null,
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
    status: (event.getFirstPropertyValue('status') as string | null) ?? null,
    tzid: start.tzid,
    definedZones: [...zones.keys()],
    startsAt: start.instant,
    endsAt: instantOf('dtend').instant,
  };
}
