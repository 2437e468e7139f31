import { readInvitation } from '../../testing/calendar-reader';
import { calendarInvitation, CalendarEvent } from './calendar-invitation';

const meeting: CalendarEvent = {
  uid: 'meeting-ami-sante-ia-2019@amiflow',
  sequence: 0,
  startsAt: '2019-10-29T12:45:00.000Z',
  endsAt: '2019-10-29T15:00:00.000Z',
  timeZone: 'Europe/Paris',
  summary: "Réunion d'information, AMI données et IA",
  location: '20, avenue de Ségur, 75007 Paris',
  description: 'Inscription obligatoire.\nMerci de vous présenter à l’accueil.',
  organizer: 'ne-pas-repondre@amiflow.localhost',
  attendee: 'contact@cnp-radiologie.example',
  method: 'REQUEST',
  issuedAt: '2019-10-27T08:00:00.000Z',
};

const lines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

/** The UTC offset the platform's zone data (Intl) gives `zone` at `instant`, in minutes. */
function intlOffsetMinutes(zone: string, instant: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '');
  if (!match?.[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The offset the file's own VTIMEZONE gives at the event's start, read back by ical.js. */
function fileOffsetMinutes(ics: string): number {
  const wallClock = /DTSTART;TZID=[^:]+:(\d{8}T\d{6})/.exec(lines(ics).join('\n'))?.[1] ?? '';
  const asUtc = Date.parse(
    `${wallClock.slice(0, 4)}-${wallClock.slice(4, 6)}-${wallClock.slice(6, 8)}T${wallClock.slice(9, 11)}:${wallClock.slice(11, 13)}:${wallClock.slice(13, 15)}Z`,
  );
  return (asUtc - Date.parse(readInvitation(ics).startsAt)) / 60_000;
}

describe('calendar invitations (.ics)', () => {
  it('writes the meeting at 13:45 Paris time, in winter time after the change of 27 October', () => {
    const ics = lines(calendarInvitation(meeting));
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20191029T134500');
    expect(ics).toContain('DTEND;TZID=Europe/Paris:20191029T160000');
    expect(ics).toContain('DTSTAMP:20191027T080000Z');
  });

  it('writes a date before the change in summer time', () => {
    const ics = lines(
      calendarInvitation({
        ...meeting,
        startsAt: '2019-10-25T08:00:00Z',
        endsAt: '2019-10-25T09:00:00Z',
      }),
    );
    expect(ics).toContain('DTSTART;TZID=Europe/Paris:20191025T100000');
  });

  it('describes Paris with both changes of time, so calendars agree on either side of 27 October 2019', () => {
    for (const [startsAt, endsAt] of [
      ['2019-10-26T08:00:00.000Z', '2019-10-26T09:00:00.000Z'],
      // The night of the change: 02:30 summer time, then 02:30 winter time an hour later would be
      // ambiguous in any TZID form, so the test stays on either side of it.
      ['2019-10-26T22:00:00.000Z', '2019-10-26T23:00:00.000Z'],
      ['2019-10-27T02:30:00.000Z', '2019-10-27T03:30:00.000Z'],
      ['2019-10-28T08:00:00.000Z', '2019-10-28T09:00:00.000Z'],
    ]) {
      const ics = calendarInvitation({ ...meeting, startsAt, endsAt });
      const read = readInvitation(ics);
      expect(read.definedZones).toEqual(['Europe/Paris']);
      expect([read.startsAt, read.endsAt]).toEqual([startsAt, endsAt]);
    }
  });

  it.each([
    // La Réunion, Guyane, Nouvelle-Calédonie, Mayotte, Polynésie: no change of time.
    ['Indian/Reunion', '2019-10-29T12:45:00.000Z', 'DTSTART;TZID=Indian/Reunion:20191029T164500'],
    ['America/Cayenne', '2019-10-29T12:45:00.000Z', 'DTSTART;TZID=America/Cayenne:20191029T094500'],
    ['Pacific/Noumea', '2019-10-29T12:45:00.000Z', 'DTSTART;TZID=Pacific/Noumea:20191029T234500'],
    ['Indian/Mayotte', '2019-10-29T12:45:00.000Z', 'DTSTART;TZID=Indian/Mayotte:20191029T154500'],
    ['Pacific/Tahiti', '2019-10-29T12:45:00.000Z', 'DTSTART;TZID=Pacific/Tahiti:20191029T024500'],
    [
      'America/Martinique',
      '2019-10-29T12:45:00.000Z',
      'DTSTART;TZID=America/Martinique:20191029T084500',
    ],
    // Saint-Pierre-et-Miquelon changes time on North American dates: still summer time on 29 October…
    [
      'America/Miquelon',
      '2019-10-29T12:45:00.000Z',
      'DTSTART;TZID=America/Miquelon:20191029T104500',
    ],
    // … and winter time after the first Sunday of November.
    [
      'America/Miquelon',
      '2019-11-05T12:45:00.000Z',
      'DTSTART;TZID=America/Miquelon:20191105T094500',
    ],
  ])(
    'defines %s by its own VTIMEZONE, whose rules place %s where it is',
    (zone, startsAt, line) => {
      const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
      const ics = calendarInvitation({ ...meeting, timeZone: zone, startsAt, endsAt });
      expect(lines(ics)).toContain(line);
      const read = readInvitation(ics);
      expect(read.tzid).toBe(zone);
      expect(read.definedZones).toEqual([zone]);
      expect([read.startsAt, read.endsAt]).toEqual([startsAt, endsAt]);
      expect(fileOffsetMinutes(ics)).toBe(intlOffsetMinutes(zone, startsAt));
    },
  );

  it("gives every zone a campaign accepts a VTIMEZONE that agrees with the platform's zone data", () => {
    // Northern summer in 2019, southern summer after later changes of rules (Egypt, Mexico…).
    const instants = ['2019-07-15T10:00:00.000Z', '2027-01-15T10:00:00.000Z'];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const startsAt of instants) {
        const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
        const read = readInvitation(
          calendarInvitation({ ...meeting, timeZone: zone, startsAt, endsAt }),
        );
        expect([read.tzid, read.definedZones, read.startsAt, read.endsAt]).toEqual([
          zone,
          [zone],
          startsAt,
          endsAt,
        ]);
      }
    }
  });

  it('invites with REQUEST and calls off with CANCEL under the same UID and a higher SEQUENCE', () => {
    const cancelled = readInvitation(
      calendarInvitation({ ...meeting, method: 'CANCEL', sequence: 1 }),
    );
    expect(cancelled).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: 'meeting-ami-sante-ia-2019@amiflow',
      sequence: 1,
    });
    expect(readInvitation(calendarInvitation(meeting))).toMatchObject({
      method: 'REQUEST',
      status: 'CONFIRMED',
      sequence: 0,
    });
  });

  it('names the organiser and the attendee by their addresses', () => {
    const ics = lines(calendarInvitation(meeting));
    expect(ics.find((l) => l.startsWith('ORGANIZER'))).toMatch(
      /:mailto:ne-pas-repondre@amiflow\.localhost$/i,
    );
    expect(ics.find((l) => l.startsWith('ATTENDEE'))).toMatch(
      /RSVP=TRUE.*:mailto:contact@cnp-radiologie\.example$/i,
    );
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    const raw = calendarInvitation(meeting);
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines(raw)).toContain('LOCATION:20\\, avenue de Ségur\\, 75007 Paris');
    expect(lines(raw).find((l) => l.startsWith('DESCRIPTION:'))).toContain('\\n');
  });
});
