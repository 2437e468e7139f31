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

  it('describes the zone, with both changes of time, so calendars agree', () => {
    const ics = lines(calendarInvitation(meeting));
    expect(ics).toEqual(
      expect.arrayContaining([
        'TZID:Europe/Paris',
        'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
        'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      ]),
    );
  });

  it('invites with REQUEST and calls off with CANCEL under the same UID and a higher SEQUENCE', () => {
    const cancelled = lines(calendarInvitation({ ...meeting, method: 'CANCEL', sequence: 1 }));
    expect(cancelled).toEqual(
      expect.arrayContaining([
        'METHOD:CANCEL',
        'STATUS:CANCELLED',
        'UID:meeting-ami-sante-ia-2019@amiflow',
        'SEQUENCE:1',
      ]),
    );
    expect(lines(calendarInvitation(meeting))).toContain('METHOD:REQUEST');
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    const raw = calendarInvitation(meeting);
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines(raw)).toContain('LOCATION:20\\, avenue de Ségur\\, 75007 Paris');
    expect(lines(raw).find((l) => l.startsWith('DESCRIPTION:'))).toContain('\\n');
  });
});
