import { deadlineInWords, longFrenchDateTime, zoneName } from './display';

describe('longFrenchDateTime', () => {
  it.each([
    // After the change of time of 27 October 2019: UTC+1.
    ['2019-10-29T12:45:00.000Z', '29 octobre 2019 à 13 h 45'],
    // Before it: UTC+2.
    ['2019-10-08T22:00:00.000Z', '9 octobre 2019 à 0 h 00'],
    ['2019-11-30T23:00:00.000Z', '1er décembre 2019 à 0 h 00'],
    ['2019-08-14T22:59:59.000Z', '15 août 2019 à 0 h 59'],
  ])('shows %s in Paris as « %s »', (instant, expected) => {
    expect(longFrenchDateTime(instant, 'Europe/Paris')).toBe(expected);
  });

  it('shows the wall clock of the zone it is given', () => {
    expect(longFrenchDateTime('2019-10-29T12:45:00.000Z', 'America/New_York')).toBe(
      '29 octobre 2019 à 8 h 45',
    );
  });
});

describe('zoneName', () => {
  it.each([
    ['Europe/Paris', 'heure de Paris'],
    ['Indian/Reunion', 'heure de La Réunion'],
    ['Pacific/Noumea', 'heure de la Nouvelle-Calédonie'],
    ['America/Cayenne', 'heure de la Guyane française'],
    ['America/Miquelon', 'heure de Saint-Pierre-et-Miquelon'],
    ['America/Martinique', 'heure de la Martinique'],
    ['America/Guadeloupe', 'heure de la Guadeloupe'],
    ['Indian/Mayotte', 'heure de Mayotte'],
    ['Pacific/Tahiti', 'heure de Tahiti'],
    ['Pacific/Wallis', 'heure de Wallis-et-Futuna'],
  ])('names %s « %s »', (zone, expected) => {
    expect(zoneName(zone)).toBe(expected);
  });

  it('names a zone without a place by its offset, and any other zone in French', () => {
    expect(zoneName('Etc/GMT+3')).toBe('UTC−03:00');
    expect(zoneName('Europe/Brussels')).toBe('heure d’Europe centrale');
  });
});

describe('deadlineInWords', () => {
  it.each([
    // The reference deadline: 15 November 2019, 00:00 in Paris (UTC+1), the first refused second.
    ['2019-11-14T23:00:00.000Z', 'Europe/Paris', 'avant le 15 novembre 2019 (heure de Paris)'],
    // Midnight in Paris before the change of 27 October 2019 (UTC+2).
    ['2019-10-26T22:00:00.000Z', 'Europe/Paris', 'avant le 27 octobre 2019 (heure de Paris)'],
    [
      '2019-11-14T20:00:00.000Z',
      'Indian/Reunion',
      'avant le 15 novembre 2019 (heure de La Réunion)',
    ],
    [
      '2019-11-08T17:00:00.000Z',
      'Europe/Paris',
      'avant le 8 novembre 2019 à 18 h 00 (heure de Paris)',
    ],
    ['2019-11-30T23:00:00.000Z', 'Europe/Paris', 'avant le 1er décembre 2019 (heure de Paris)'],
  ])('writes %s in %s as « %s »', (deadline, zone, expected) => {
    expect(deadlineInWords(deadline, zone)).toBe(expected);
  });
});
