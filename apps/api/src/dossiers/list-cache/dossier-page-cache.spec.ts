import { DossierPageCache } from './dossier-page-cache';

const body = (text: string) => Buffer.from(text);

describe('the dossier list page cache', () => {
  let clock: number;
  let cache: DossierPageCache;

  beforeEach(() => {
    clock = 1_000;
    cache = new DossierPageCache({ maxEntries: 3, maxBytes: 100 }, () => clock);
    cache.listening(true);
  });

  const stored = (key: string, campaignId = 'c', text = key, expiresAt = Infinity) =>
    cache.store(key, campaignId, cache.generation(campaignId) as number, body(text), expiresAt);

  it('serves a stored page until its campaign changes, and the others still', () => {
    stored('a', 'c1');
    stored('b', 'c2');
    expect(cache.get('a', 'c1')?.toString()).toBe('a');
    cache.changed(['c1']);
    expect(cache.get('a', 'c1')).toBeUndefined();
    expect(cache.get('b', 'c2')?.toString()).toBe('b');
    expect(cache.counts).toEqual({ hits: 2, misses: 1, bypassed: 0 });
  });

  it('refuses a page read before a change that was handled before it was stored', () => {
    const generation = cache.generation('c') as number;
    cache.changed(['c']);
    expect(cache.store('a', 'c', generation, body('old'), Infinity)).toBe(false);
    expect(cache.get('a', 'c')).toBeUndefined();
  });

  it('serves a page until the instant it may differ, not from it', () => {
    stored('a', 'c', 'a', 1_500);
    clock = 1_499;
    expect(cache.get('a', 'c')).toBeDefined();
    clock = 1_500;
    expect(cache.get('a', 'c')).toBeUndefined();
  });

  it('forgets everything and stores nothing while changes are not heard', () => {
    stored('a');
    cache.listening(false);
    expect(cache.generation('c')).toBeUndefined();
    expect(cache.get('a', 'c')).toBeUndefined();
    expect(cache.store('a', 'c', 0, body('a'), Infinity)).toBe(false);
    cache.listening(true);
    expect(cache.get('a', 'c')).toBeUndefined();
    expect(cache.counts.bypassed).toBe(1);
  });

  it('forgets the least recently read page past its entries or its bytes', () => {
    stored('a');
    stored('b');
    stored('c');
    cache.get('a', 'c');
    stored('d');
    expect(['a', 'b', 'c', 'd'].map((key) => cache.get(key, 'c') !== undefined)).toEqual([
      true,
      false,
      true,
      true,
    ]);
    // Read in the order a, c, d: a goes for the fourth entry, c for the bytes.
    stored('big', 'c', 'x'.repeat(99));
    expect(cache.size).toBe(2);
    expect(cache.byteSize).toBe(100);
    expect(cache.get('d', 'c')).toBeDefined();
    expect(stored('huge', 'c', 'x'.repeat(101))).toBe(false);
  });
});
