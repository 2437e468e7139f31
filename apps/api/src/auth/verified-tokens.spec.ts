import { VERIFIED_TOKEN_TRUST_MS, VERIFIED_TOKENS_MAX, VerifiedTokens } from './verified-tokens';

const operator = { subject: 'u-1', role: 'operator' } as const;

describe('VerifiedTokens', () => {
  let now = 1_000_000_000_000;
  const clock = () => now;
  const inOneHour = () => now / 1000 + 3600;

  it('answers a verified token until the end of its trust, then forgets it', () => {
    const tokens = new VerifiedTokens(clock);
    tokens.remember('t1', operator, inOneHour());
    expect(tokens.get('t1')).toEqual(operator);
    now += VERIFIED_TOKEN_TRUST_MS - 1;
    expect(tokens.get('t1')).toEqual(operator);
    now += 1;
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('never answers a token past its expiry, even within its trust', () => {
    const tokens = new VerifiedTokens(clock);
    tokens.remember('t1', operator, now / 1000 + 5);
    now += 5_000;
    expect(tokens.get('t1')).toBeUndefined();
  });

  it('keeps nothing of a token already expired', () => {
    const tokens = new VerifiedTokens(clock);
    tokens.remember('t1', operator, now / 1000);
    expect(tokens.size).toBe(0);
  });

  it('forgets the token verified longest ago when full', () => {
    const tokens = new VerifiedTokens(clock);
    for (let index = 0; index < VERIFIED_TOKENS_MAX; index++) {
      tokens.remember(`t${index}`, operator, inOneHour());
    }
    tokens.remember('one more', operator, inOneHour());
    expect(tokens.size).toBe(VERIFIED_TOKENS_MAX);
    expect(tokens.get('t0')).toBeUndefined();
    expect(tokens.get('t1')).toEqual(operator);
    expect(tokens.get('one more')).toEqual(operator);
  });

  it('knows only the tokens it was given', () => {
    expect(new VerifiedTokens(clock).get('never verified')).toBeUndefined();
  });
});
