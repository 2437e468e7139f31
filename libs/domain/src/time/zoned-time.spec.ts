import { applyOffset } from './offset';
import {
  addCalendarDays,
  atLocalTime,
  fromLocalDateTime,
  isLocalDateTime,
  isValidTimeZone,
  toLocalDateTime,
  utcOffsetMinutes,
} from './zoned-time';

// Paris in 2019: clocks went forward on 31 March at 02:00 (01:00 UTC), to 03:00, and back on
// 27 October at 03:00 (01:00 UTC), to 02:00.
const PARIS = 'Europe/Paris';

const utc = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('fromLocalDateTime', () => {
  it.each([
    ['2019-01-15T12:00', '2019-01-15T11:00:00.000Z'],
    ['2019-07-14T12:00', '2019-07-14T10:00:00.000Z'],
    ['2019-10-09T00:00', '2019-10-08T22:00:00.000Z'],
    ['2019-11-15T00:00', '2019-11-14T23:00:00.000Z'],
    ['2019-11-14T23:59:59', '2019-11-14T22:59:59.000Z'],
  ])('reads %s in Paris as %s', (local, expected) => {
    expect(iso(fromLocalDateTime(local, PARIS))).toBe(expected);
  });

  describe('on 31 March 2019, when the clocks went forward from 02:00 to 03:00', () => {
    it('reads 01:59 as winter time', () => {
      expect(iso(fromLocalDateTime('2019-03-31T01:59', PARIS))).toBe('2019-03-31T00:59:00.000Z');
    });

    it('reads 02:30, which never happened, as the clock reading an hour later (03:30 summer time)', () => {
      const resolved = fromLocalDateTime('2019-03-31T02:30', PARIS);
      expect(iso(resolved)).toBe('2019-03-31T01:30:00.000Z');
      expect(toLocalDateTime(resolved, PARIS)).toBe('2019-03-31T03:30:00');
    });

    it('reads 02:00 and 03:00 as the same instant', () => {
      expect(iso(fromLocalDateTime('2019-03-31T02:00', PARIS))).toBe('2019-03-31T01:00:00.000Z');
      expect(iso(fromLocalDateTime('2019-03-31T03:00', PARIS))).toBe('2019-03-31T01:00:00.000Z');
    });
  });

  describe('on 27 October 2019, when the clocks went back from 03:00 to 02:00', () => {
    it('reads 02:30, which happened twice, as the first time (summer time)', () => {
      expect(iso(fromLocalDateTime('2019-10-27T02:30', PARIS))).toBe('2019-10-27T00:30:00.000Z');
      expect(toLocalDateTime(utc('2019-10-27T01:30:00Z'), PARIS)).toBe('2019-10-27T02:30:00');
    });

    it('keeps the seconds of a time that happened twice', () => {
      expect(iso(fromLocalDateTime('2019-10-27T02:59:59', PARIS))).toBe('2019-10-27T00:59:59.000Z');
    });

    it('reads 03:00 as winter time, two hours after 02:00', () => {
      expect(iso(fromLocalDateTime('2019-10-27T02:00', PARIS))).toBe('2019-10-27T00:00:00.000Z');
      expect(iso(fromLocalDateTime('2019-10-27T03:00', PARIS))).toBe('2019-10-27T02:00:00.000Z');
    });
  });

  it('reads every quarter hour of both change days back to itself, but for the hour skipped', () => {
    for (const day of ['2019-03-31', '2019-10-27']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
        const mm = String(minutes % 60).padStart(2, '0');
        const local = `${day}T${hh}:${mm}:00`;
        if (day === '2019-03-31' && hh === '02') continue;
        expect(toLocalDateTime(fromLocalDateTime(local, PARIS), PARIS)).toBe(local);
      }
    }
  });

  it('applies the rules of the zone it is given (New York goes forward on 10 March 2019)', () => {
    expect(iso(fromLocalDateTime('2019-03-10T02:30', 'America/New_York'))).toBe(
      '2019-03-10T07:30:00.000Z',
    );
    expect(iso(fromLocalDateTime('2019-10-29T13:45', 'UTC'))).toBe('2019-10-29T13:45:00.000Z');
  });

  it.each(['2019-02-30T10:00', '2019-10-29T24:00', '2019-10-29 13:45', '2019-10-29T13:45Z'])(
    'refuses %s, which is not a local date and time',
    (local) => {
      expect(() => fromLocalDateTime(local, PARIS)).toThrow(RangeError);
    },
  );
});

describe('toLocalDateTime', () => {
  it.each([
    ['2019-10-29T12:45:00.000Z', '2019-10-29T13:45:00'],
    ['2019-10-08T22:00:00.000Z', '2019-10-09T00:00:00'],
    ['2019-10-28T23:00:00.000Z', '2019-10-29T00:00:00'],
    ['2019-03-31T00:59:59.000Z', '2019-03-31T01:59:59'],
    ['2019-03-31T01:00:00.000Z', '2019-03-31T03:00:00'],
    ['2019-10-27T00:59:59.000Z', '2019-10-27T02:59:59'],
    ['2019-10-27T01:00:00.000Z', '2019-10-27T02:00:00'],
    ['2019-12-31T23:30:00.000Z', '2020-01-01T00:30:00'],
  ])('shows %s as %s in Paris', (instant, local) => {
    expect(toLocalDateTime(utc(instant), PARIS)).toBe(local);
  });

  it('drops the milliseconds', () => {
    expect(toLocalDateTime(utc('2019-10-29T12:45:30.999Z'), PARIS)).toBe('2019-10-29T13:45:30');
  });
});

describe('utcOffsetMinutes', () => {
  it.each([
    ['2019-01-15T12:00:00.000Z', PARIS, 60],
    ['2019-07-14T12:00:00.000Z', PARIS, 120],
    ['2019-03-31T00:59:59.999Z', PARIS, 60],
    ['2019-03-31T01:00:00.000Z', PARIS, 120],
    ['2019-10-27T00:59:59.999Z', PARIS, 120],
    ['2019-10-27T01:00:00.000Z', PARIS, 60],
    ['2019-10-29T12:45:00.000Z', 'America/New_York', -240],
    ['2019-11-05T12:45:00.000Z', 'America/New_York', -300],
    ['2019-10-29T12:45:00.000Z', 'Asia/Kolkata', 330],
    ['2019-10-29T12:45:00.000Z', 'UTC', 0],
    ['1960-01-01T00:00:00.500Z', 'America/New_York', -300],
  ])('at %s in %s is %i', (instant, zone, minutes) => {
    expect(utcOffsetMinutes(utc(instant), zone)).toBe(minutes);
  });
});

describe('addCalendarDays', () => {
  it('keeps the wall-clock time across the change of time, where 72 hours would not', () => {
    const meeting = utc('2019-10-29T12:45:00Z'); // 13:45 in Paris, winter time
    const threeDaysBefore = addCalendarDays(meeting, -3, PARIS);
    expect(iso(threeDaysBefore)).toBe('2019-10-26T11:45:00.000Z');
    expect(toLocalDateTime(threeDaysBefore, PARIS)).toBe('2019-10-26T13:45:00');

    const seventyTwoHoursBefore = new Date(meeting.getTime() - 72 * 3_600_000);
    expect(iso(seventyTwoHoursBefore)).toBe('2019-10-26T12:45:00.000Z');
    expect(toLocalDateTime(seventyTwoHoursBefore, PARIS)).toBe('2019-10-26T14:45:00');
  });

  it('keeps the wall-clock time when the clocks go forward (23 hours later)', () => {
    const noonTheDayBefore = utc('2019-03-30T11:00:00Z');
    expect(iso(addCalendarDays(noonTheDayBefore, 1, PARIS))).toBe('2019-03-31T10:00:00.000Z');
  });

  it('lands an hour later when the wall-clock time does not exist on the day reached', () => {
    const halfPastTwo = utc('2019-03-30T01:30:00Z'); // 02:30 in Paris, winter time
    const next = addCalendarDays(halfPastTwo, 1, PARIS);
    expect(toLocalDateTime(next, PARIS)).toBe('2019-03-31T03:30:00');
  });

  it('lands on the first of a wall-clock time that happens twice', () => {
    const halfPastTwo = utc('2019-10-26T00:30:00Z'); // 02:30 in Paris, summer time
    expect(iso(addCalendarDays(halfPastTwo, 1, PARIS))).toBe('2019-10-27T00:30:00.000Z');
  });

  it('counts days in the zone, across months, years and leap days', () => {
    expect(toLocalDateTime(addCalendarDays(utc('2019-12-31T08:00:00Z'), 1, PARIS), PARIS)).toBe(
      '2020-01-01T09:00:00',
    );
    expect(toLocalDateTime(addCalendarDays(utc('2020-02-28T08:00:00Z'), 1, PARIS), PARIS)).toBe(
      '2020-02-29T09:00:00',
    );
    // 00:30 on 29 October in Paris is still 28 October in UTC: the day counted is Paris's.
    expect(toLocalDateTime(addCalendarDays(utc('2019-10-28T23:30:00Z'), -1, PARIS), PARIS)).toBe(
      '2019-10-28T00:30:00',
    );
  });

  it('keeps the seconds', () => {
    expect(iso(addCalendarDays(utc('2019-11-14T22:59:59Z'), -7, PARIS))).toBe(
      '2019-11-07T22:59:59.000Z',
    );
  });

  it('returns the same instant for zero days', () => {
    expect(iso(addCalendarDays(utc('2019-10-29T12:45:00Z'), 0, PARIS))).toBe(
      '2019-10-29T12:45:00.000Z',
    );
  });
});

describe('atLocalTime', () => {
  it('sets the wall-clock time of the same day in the zone', () => {
    expect(iso(atLocalTime(utc('2019-10-29T12:45:00Z'), '09:00', PARIS))).toBe(
      '2019-10-29T08:00:00.000Z',
    );
  });

  it("takes the zone's day, not UTC's", () => {
    // 00:30 on 29 October in Paris.
    expect(iso(atLocalTime(utc('2019-10-28T23:30:00Z'), '09:00', PARIS))).toBe(
      '2019-10-29T08:00:00.000Z',
    );
  });

  it('resolves a time the change of time skipped or repeated like fromLocalDateTime', () => {
    expect(iso(atLocalTime(utc('2019-03-31T10:00:00Z'), '02:30', PARIS))).toBe(
      '2019-03-31T01:30:00.000Z',
    );
    expect(iso(atLocalTime(utc('2019-10-27T10:00:00Z'), '02:30', PARIS))).toBe(
      '2019-10-27T00:30:00.000Z',
    );
  });
});

describe('applyOffset', () => {
  const meeting = utc('2019-10-29T12:45:00Z'); // 13:45 in Paris

  it('finds "two days before, at 09:00" across the change of time (27 October 09:00 winter time)', () => {
    expect(iso(applyOffset(meeting, { days: -2 }, PARIS, '09:00'))).toBe(
      '2019-10-27T08:00:00.000Z',
    );
  });

  it('finds "seven days before the deadline, at 09:00" (8 November)', () => {
    const deadline = utc('2019-11-14T23:00:00Z'); // 15 November 00:00 in Paris
    expect(iso(applyOffset(deadline, { days: -7 }, PARIS, '09:00'))).toBe(
      '2019-11-08T08:00:00.000Z',
    );
  });

  it('returns the anchor itself for an empty offset and no time', () => {
    expect(iso(applyOffset(meeting, {}, PARIS))).toBe('2019-10-29T12:45:00.000Z');
  });

  it('counts days on the calendar but hours as elapsed time', () => {
    const midnight = utc('2019-10-26T22:00:00Z'); // 27 October 00:00 in Paris, summer time
    const oneDayLater = applyOffset(midnight, { days: 1 }, PARIS);
    expect(toLocalDateTime(oneDayLater, PARIS)).toBe('2019-10-28T00:00:00');
    expect(oneDayLater.getTime() - midnight.getTime()).toBe(25 * 3_600_000);

    const twentyFourHoursLater = applyOffset(midnight, { hours: 24 }, PARIS);
    expect(toLocalDateTime(twentyFourHoursLater, PARIS)).toBe('2019-10-27T23:00:00');
  });

  it('adds days first, then elapsed hours, minutes and seconds', () => {
    expect(
      iso(applyOffset(meeting, { days: -1, hours: -2, minutes: -15, seconds: 30 }, PARIS)),
    ).toBe('2019-10-28T10:30:30.000Z');
  });

  it('pins the time of day on the day the elapsed time reaches', () => {
    // 14 hours before 13:45 on the 29th is 23:45 on the 28th; 12 hours before, 01:45 on the 29th.
    expect(iso(applyOffset(meeting, { hours: -14 }, PARIS, '09:00'))).toBe(
      '2019-10-28T08:00:00.000Z',
    );
    expect(iso(applyOffset(meeting, { hours: -12 }, PARIS, '09:00'))).toBe(
      '2019-10-29T08:00:00.000Z',
    );
  });
});

describe('isLocalDateTime', () => {
  it.each(['2019-10-29T13:45', '2019-10-29T13:45:59', '2020-02-29T00:00', '2019-12-31T23:59'])(
    'accepts %s',
    (value) => {
      expect(isLocalDateTime(value)).toBe(true);
    },
  );

  it.each([
    '2019-02-30T10:00',
    '2019-02-29T10:00',
    '2019-13-01T10:00',
    '2019-10-29T24:00',
    '2019-10-29T13:60',
    '2019-10-29T13:45:60',
    '2019-10-29 13:45',
    '2019-10-29T13:45Z',
    '2019-10-29T13:45:00.000',
    '2019-10-29',
    '',
  ])('refuses %j', (value) => {
    expect(isLocalDateTime(value)).toBe(false);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Europe/Paris', 'America/New_York', 'UTC', 'Pacific/Noumea'])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus', 'Paris', ''])('does not know %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
