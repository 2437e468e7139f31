import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDataSource } from '../testing/test-data-source';
import { IdempotencyScope, IdempotencyStore } from './idempotency-store';

describe('the idempotency key store', () => {
  let dataSource: DataSource;
  let store: IdempotencyStore;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    store = new IdempotencyStore(dataSource, { leaseSeconds: 60, retentionSeconds: 3600 });
  });
  afterAll(() => dataSource.destroy());

  const scope = (overrides: Partial<IdempotencyScope> = {}): IdempotencyScope => ({
    caller: 'operator-test',
    method: 'POST',
    path: '/campaigns/c/dossiers',
    key: randomUUID(),
    ...overrides,
  });
  const response = { statusCode: 201, contentType: 'application/json', body: '{"id":1}' };
  const backdate = (key: IdempotencyScope, seconds: number) =>
    dataSource.query(
      `UPDATE idempotency_keys SET claimed_at = claimed_at - make_interval(secs => $2)
        WHERE idempotency_key = $1`,
      [key.key, seconds],
    );

  it('gives a new key to its first request, and shows it in flight to a repeat', async () => {
    const key = scope();
    expect(await store.claim(key, 'hash-a')).toEqual({
      outcome: 'claimed',
      claimId: expect.any(String),
    });
    expect(await store.claim(key, 'hash-a')).toEqual({
      outcome: 'in-flight',
      requestHash: 'hash-a',
    });
  });

  it('answers a repeat with the stored response and the first request’s hash', async () => {
    const key = scope();
    const claim = await store.claim(key, 'hash-a');
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    await store.complete(key, claim.claimId, response);
    expect(await store.claim(key, 'hash-b')).toEqual({
      outcome: 'answered',
      requestHash: 'hash-a',
      response,
    });
  });

  it('frees a released key for the next request', async () => {
    const key = scope();
    const claim = await store.claim(key, 'hash-a');
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    await store.release(key, claim.claimId);
    expect((await store.claim(key, 'hash-a')).outcome).toBe('claimed');
  });

  it('keeps keys of other callers, methods and paths apart', async () => {
    const key = scope();
    await store.claim(key, 'hash-a');
    for (const other of [{ caller: 'someone-else' }, { method: 'PUT' }, { path: '/elsewhere' }]) {
      expect((await store.claim({ ...key, ...other }, 'hash-a')).outcome).toBe('claimed');
    }
  });

  it('lets a repeat take over a claim abandoned past its lease, and ignores the old claim', async () => {
    const key = scope();
    const abandoned = await store.claim(key, 'hash-a');
    if (abandoned.outcome !== 'claimed') throw new Error('not claimed');
    await backdate(key, 61);
    const takeover = await store.claim(key, 'hash-a');
    expect(takeover.outcome).toBe('claimed');
    // The first process wakes up late: its answer must not overwrite the new claim's.
    await store.complete(key, abandoned.claimId, { ...response, body: 'stale' });
    expect((await store.claim(key, 'hash-a')).outcome).toBe('in-flight');
  });

  it('never takes over an answered key before its retention ends, then forgets it', async () => {
    const key = scope();
    const claim = await store.claim(key, 'hash-a');
    if (claim.outcome !== 'claimed') throw new Error('not claimed');
    await store.complete(key, claim.claimId, response);
    await backdate(key, 61);
    expect((await store.claim(key, 'hash-a')).outcome).toBe('answered');
    await backdate(key, 3600);
    expect(await store.prune()).toBeGreaterThanOrEqual(1);
    expect((await store.claim(key, 'hash-b')).outcome).toBe('claimed');
  });

  it('gives a key to exactly one of many simultaneous requests', async () => {
    const key = scope();
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim(key, 'hash-a')));
    expect(claims.filter((claim) => claim.outcome === 'claimed')).toHaveLength(1);
    expect(claims.filter((claim) => claim.outcome === 'in-flight')).toHaveLength(7);
  });
});
