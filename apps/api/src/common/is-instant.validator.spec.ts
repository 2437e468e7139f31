import { isInstantWithOffset, toUtc } from './is-instant.validator';

describe('instants the API accepts', () => {
  it.each(['2019-10-29T12:45:00Z', '2019-10-29T13:45:00.5+01:00', '2019-10-29T13:45+01:00'])(
    'accepts %s',
    (value) => expect(isInstantWithOffset(value)).toBe(true),
  );

  it.each([
    ['a wall-clock time without zone', '2019-10-29T13:45:00'],
    ['a date alone', '2019-10-29'],
    ['a week date', '2019-W44-2'],
    ['an ordinal date', '2019-302'],
    ['30 February', '2019-02-30T00:00:00Z'],
    ['an offset beyond 14 hours', '2019-10-29T13:45:00+15:00'],
    ['a number', 1572353100000],
  ])('refuses %s', (_, value) => expect(isInstantWithOffset(value)).toBe(false));

  it('stores an instant given with an offset in UTC', () => {
    expect(toUtc('2019-10-29T13:45:00+01:00')).toBe('2019-10-29T12:45:00.000Z');
  });
});
