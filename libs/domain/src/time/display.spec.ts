import { longFrenchDateTime } from './display';

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
