import {
  clockIn,
  dayIn,
  formatInstant,
  formatPeriod,
  frenchDayIn,
  instantIn,
  parseClock,
  parseFrenchDay,
  relativeTo,
  startOfDayIn,
  zoneLabel,
} from './dates';

describe('dates as operators read them', () => {
  it('shows an instant in the campaign’s zone, saying which (the 2019 meeting, after the clocks went back)', () => {
    expect(formatInstant('2019-10-29T12:45:00Z', 'Europe/Paris')).toBe(
      '29 octobre 2019 à 13 h 45, heure de Paris',
    );
    // The last accepted second of "avant le 15 novembre".
    expect(formatInstant('2019-11-14T22:59:59Z', 'Europe/Paris')).toBe(
      '14 novembre 2019 à 23 h 59, heure de Paris',
    );
  });

  it('names other zones by their city, and UTC as such', () => {
    expect(formatInstant('2019-10-29T12:45:00Z', 'Pacific/Noumea')).toBe(
      '29 octobre 2019 à 23 h 45, heure de la Nouvelle-Calédonie',
    );
    // Named in French, with their accents, as the mails name them.
    expect(zoneLabel('Indian/Reunion')).toBe('heure de La Réunion');
    expect(zoneLabel('America/Miquelon')).toBe('heure de Saint-Pierre-et-Miquelon');
    expect(zoneLabel('Europe/Paris')).toBe('heure de Paris');
    expect(formatInstant('2019-10-29T09:05:00Z', 'UTC')).toBe('29 octobre 2019 à 9 h 05, UTC');
  });

  it('says how far a milestone is, in days from 20 hours on', () => {
    const now = Date.parse('2019-11-11T12:00:00Z');
    expect(relativeTo('2019-11-14T22:59:59Z', now)).toBe('dans 3 jours');
    expect(relativeTo('2019-11-12T11:59:00Z', now)).toBe('dans 1 jour');
    expect(relativeTo('2019-11-11T17:00:00Z', now)).toBe('dans 5 heures');
    expect(relativeTo('2019-11-11T12:00:30Z', now)).toBe('dans 1 minute');
    expect(relativeTo('2019-11-09T12:00:00Z', now)).toBe('il y a 2 jours');
  });

  it('turns a day chosen in a filter into the instant it starts in the campaign’s zone', () => {
    expect(startOfDayIn('2026-03-01', 'Europe/Paris')).toBe('2026-02-28T23:00:00.000Z');
    expect(startOfDayIn('2026-07-14', 'Europe/Paris')).toBe('2026-07-13T22:00:00.000Z');
    // The day the clocks go forward (02:00 → 03:00) still starts at midnight, winter time.
    expect(startOfDayIn('2026-03-29', 'Europe/Paris')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDayIn('2026-11-05', 'America/Cayenne')).toBe('2026-11-05T03:00:00.000Z');
    expect(startOfDayIn('01/03/2026', 'Europe/Paris')).toBeUndefined();
  });

  it('turns a day and a time typed « heure de Paris » into the UTC instant the API takes', () => {
    expect(instantIn('2026-12-03', '10:00', 'Europe/Paris')).toBe('2026-12-03T09:00:00.000Z');
    expect(instantIn('2026-07-14', '09:30', 'Europe/Paris')).toBe('2026-07-14T07:30:00.000Z');
    // Just after the clocks go back (03:00 → 02:00 on 25 October 2026): winter time again.
    expect(instantIn('2026-10-25', '04:00', 'Europe/Paris')).toBe('2026-10-25T03:00:00.000Z');
    expect(instantIn('2026-11-05', '23:59', 'America/Cayenne')).toBe('2026-11-06T02:59:00.000Z');
    // What the operator's own browser zone is plays no part: the campaign's zone does.
    expect(instantIn('2026-12-03', '10:00', 'Pacific/Noumea')).toBe('2026-12-02T23:00:00.000Z');
  });

  it('refuses what is not a day and a time of a calendar', () => {
    expect(instantIn('2026-02-30', '10:00', 'Europe/Paris')).toBeUndefined();
    // 12/31/2026 typed the American way, read jj/mm/aaaa: month 31.
    expect(instantIn('2026-31-12', '10:00', 'Europe/Paris')).toBeUndefined();
    expect(instantIn('03/12/2026', '10:00', 'Europe/Paris')).toBeUndefined();
    expect(instantIn('2026-12-03', '24:00', 'Europe/Paris')).toBeUndefined();
    expect(instantIn('2026-12-03', '10h00', 'Europe/Paris')).toBeUndefined();
  });

  it('gives the day an instant falls on in the campaign’s zone, for a date field', () => {
    expect(dayIn('2026-12-02T23:30:00Z', 'Europe/Paris')).toBe('2026-12-03');
    expect(dayIn('2026-12-02T23:30:00Z', 'UTC')).toBe('2026-12-02');
  });

  it('shows a consultation’s period on one day once, with its zone', () => {
    expect(formatPeriod('2026-12-03T09:00:00Z', '2026-12-03T10:30:00Z', 'Europe/Paris')).toBe(
      '3 décembre 2026 de 10 h 00 à 11 h 30, heure de Paris',
    );
    expect(formatPeriod('2026-12-03T22:00:00Z', '2026-12-03T23:30:00Z', 'Europe/Paris')).toBe(
      'du 3 décembre 2026 à 23 h 00, heure de Paris au 4 décembre 2026 à 0 h 30, heure de Paris',
    );
    expect(clockIn('2026-12-03T09:05:00Z', 'Europe/Paris')).toBe('10:05');
  });

  it('reads a day and a time as a French operator types them', () => {
    expect(parseFrenchDay('03/12/2026')).toBe('2026-12-03');
    expect(parseFrenchDay(' 3/12/2026 ')).toBe('2026-12-03');
    expect(parseFrenchDay('2026-12-03')).toBeUndefined();
    expect(parseFrenchDay('12/2026')).toBeUndefined();
    expect(parseClock('14:30')).toBe('14:30');
    expect(parseClock('9h05')).toBe('09:05');
    expect(parseClock('9 h 05')).toBe('09:05');
    expect(parseClock('25:00')).toBeUndefined();
    expect(parseClock('2 PM')).toBeUndefined();
    expect(frenchDayIn('2026-12-02T23:30:00Z', 'Europe/Paris')).toBe('03/12/2026');
  });

  it('writes the first of a month « 1er »', () => {
    expect(formatInstant('2026-11-30T23:00:00Z', 'Europe/Paris')).toBe(
      '1er décembre 2026 à 0 h 00, heure de Paris',
    );
    expect(formatPeriod('2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z', 'Europe/Paris')).toBe(
      '1er décembre 2026 de 10 h 00 à 11 h 00, heure de Paris',
    );
  });
});
