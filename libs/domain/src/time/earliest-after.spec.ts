import { earliestAfter } from './earliest-after';

describe('when a clock next has something to do', () => {
  const now = new Date('2019-11-14T23:00:00.000Z');

  it('is the earliest instant after now, whatever the order given', () => {
    expect(
      earliestAfter(
        ['2019-11-21T23:00:00.000Z', '2019-11-15T08:00:00.000Z', '2019-11-20T08:00:00.000Z'],
        now,
      ),
    ).toBe('2019-11-15T08:00:00.000Z');
  });

  it('leaves out what is due now, to the millisecond, and what is past', () => {
    expect(
      earliestAfter(
        ['2019-11-14T23:00:00.000Z', '2019-11-08T08:00:00.000Z', '2019-11-14T23:00:00.001Z'],
        now,
      ),
    ).toBe('2019-11-14T23:00:00.001Z');
  });

  it('is none when nothing is to come', () => {
    expect(earliestAfter(['2019-11-14T23:00:00.000Z'], now)).toBeUndefined();
    expect(earliestAfter([], now)).toBeUndefined();
  });
});
