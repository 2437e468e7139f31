import type { DossierListChange, DossierListChangeHandler } from '@amiflow/persistence';

export interface DossierPageCacheLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

interface Entry {
  readonly campaignId: string;
  readonly generation: number;
  readonly body: Buffer;
  /** Milliseconds since the epoch from which the page may differ (its time-dependent parts). */
  readonly expiresAt: number;
}

/** What the cache served, for /metrics. */
export interface DossierPageCacheCounts {
  hits: number;
  misses: number;
  /** Pages read while the cache could not trust itself (not listening, or turned off). */
  bypassed: number;
}

/**
 * The dossier list's pages as served (their JSON), in memory, least recently read forgotten
 * first past `maxEntries` pages or `maxBytes` of JSON. Trusted only while PostgreSQL's change
 * notifications are heard (`listening`), and forgotten as they arrive, by campaign.
 *
 * Generations close the race between a read and a write: every invalidation takes the next
 * number of one counter, a campaign's generation is the number of the last invalidation that
 * touched it, and a page is stored only under the generation read before its query started.
 * A read whose query began before a write committed saw the old rows; if the write's
 * notification was handled before the read ends, the generation moved and the page is not
 * stored; if after, the page is stored under the old generation and the notification makes it
 * unreadable. A notification is sent only once its transaction has committed, so a query that
 * starts after it was handled sees the write.
 */
export class DossierPageCache implements DossierListChangeHandler {
  readonly counts: DossierPageCacheCounts = { hits: 0, misses: 0, bypassed: 0 };
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private heard = false;
  private counter = 0;
  /** The number of the last invalidation of every campaign. */
  private everything = 0;
  private readonly campaigns = new Map<string, number>();

  constructor(
    private readonly limits: DossierPageCacheLimits,
    /** Milliseconds since the epoch: the instant pages are judged at (a test may set it). */
    readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  /**
   * The campaign's generation, to read before querying a page that may be stored; undefined
   * while changes are not heard: read from the database and store nothing.
   */
  generation(campaignId: string): number | undefined {
    if (!this.heard) return undefined;
    return Math.max(this.everything, this.campaigns.get(campaignId) ?? 0);
  }

  /** The page stored under this key, if still true now; counts a hit or a miss. */
  get(key: string, campaignId: string): Buffer | undefined {
    const generation = this.generation(campaignId);
    if (generation === undefined) {
      this.counts.bypassed++;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation && this.now() < entry.expiresAt) {
      // Most recently read last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.counts.hits++;
      return entry.body;
    }
    if (entry) this.remove(key, entry);
    this.counts.misses++;
    return undefined;
  }

  /**
   * Stores a page read under `generation` (what `generation()` answered before its query), true
   * until `expiresAt`; refused if the campaign changed meanwhile or changes are not heard.
   */
  store(
    key: string,
    campaignId: string,
    generation: number,
    body: Buffer,
    expiresAt: number,
  ): boolean {
    if (this.generation(campaignId) !== generation) return false;
    if (expiresAt <= this.now() || body.length > this.limits.maxBytes) return false;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { campaignId, generation, body, expiresAt });
    this.bytes += body.length;
    for (const [oldKey, oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldKey, oldest);
    }
    return true;
  }

  /** A campaign's rows (or any) changed: its pages are no longer served. */
  changed(change: DossierListChange): void {
    const number = ++this.counter;
    if (change === 'all') {
      this.everything = number;
      this.campaigns.clear();
      this.entries.clear();
      this.bytes = 0;
      return;
    }
    // Their pages stay until read or pushed out: the generation makes them unreadable.
    for (const campaignId of change) this.campaigns.set(campaignId, number);
  }

  /** Heard or not, what is stored is forgotten: changes may have gone unheard. */
  listening(heard: boolean): void {
    this.changed('all');
    this.heard = heard;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}
