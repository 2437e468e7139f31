import { constantTimeEquals } from './constant-time-equals';

describe('constantTimeEquals', () => {
  const secret = 'scrape-token-'.padEnd(40, 'x');

  it('accepts the very secret', () => {
    expect(constantTimeEquals(secret, secret)).toBe(true);
  });

  it.each([
    ['a different secret of the same length', `${secret.slice(0, -1)}y`],
    ['a prefix', secret.slice(0, 10)],
    ['a longer one', `${secret}x`],
    ['nothing', ''],
  ])('refuses %s', (_, presented) => {
    expect(constantTimeEquals(presented, secret)).toBe(false);
  });
});
