import { formatScore } from './scores';

describe('formatScore', () => {
  it('writes a score out of 20 the French way, at most two decimals', () => {
    // The API rounds to two decimals already (18.13); the console does not round further.
    expect(formatScore(18.13)).toBe('18,13');
    expect(formatScore(15)).toBe('15');
    expect(formatScore(6.25)).toBe('6,25');
    expect(formatScore(2.5)).toBe('2,5');
  });
});
