import { dateTimeFormat } from './date-time-format';

describe('the date formats the console keeps', () => {
  it('gives the same format for the same locale and options, which formats as a new one would', () => {
    const options = { timeZone: 'Europe/Paris', day: 'numeric', month: 'long' } as const;
    const format = dateTimeFormat('fr-FR', options);
    expect(dateTimeFormat('fr-FR', { ...options })).toBe(format);
    expect(format.format(new Date('2019-10-29T12:45:00Z'))).toBe(
      new Intl.DateTimeFormat('fr-FR', options).format(new Date('2019-10-29T12:45:00Z')),
    );
  });

  it('gives another for another zone, locale or option', () => {
    const format = dateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric' });
    expect(dateTimeFormat('fr-FR', { timeZone: 'Indian/Reunion', day: 'numeric' })).not.toBe(
      format,
    );
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: 'numeric' })).not.toBe(format);
    expect(dateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit' })).not.toBe(format);
  });

  it('throws for a zone that does not exist, as Intl does', () => {
    expect(() => dateTimeFormat('fr-FR', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});
