import { loadConfig } from '@amiflow/config';
import { OrganisationType } from '@amiflow/domain';
import { openCampaignTerms } from '@amiflow/domain/testing';
import {
  DossierListChange,
  DossierListChangeHandler,
  DossierListChanges,
  DossierPage,
  DossierPageFilter,
  DossierPageRequest,
  DossierSummaryQuery,
  EventStore,
} from '@amiflow/persistence';
import { dossierStream, openDossierReadModelFixture } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { DossierPageOutput } from '../dtos/dossier-page.output';
import { ListDossiersQuery } from '../dtos/list-dossiers.query';
import { DossierListPages } from './dossier-list-pages';
import { DossierPageCache } from './dossier-page-cache';

// The page cache against the real PostgreSQL: its triggers notify, a listener of its own hears,
// the dossiers are written through the event store on the pool's connections, as the worker does.

const HOUR = 3_600_000;
const base = new Date('2019-10-10T08:00:00Z');
const terms = openCampaignTerms(base);
const run = Date.now().toString(36);
const quiet = { warn: () => undefined, log: () => undefined };

type Heard = { changed: DossierListChange } | { listening: boolean };

/** Passes what the listener hears to the cache, and lets a test wait for it. */
class HeardChanges implements DossierListChangeHandler {
  private waiters: { test: (heard: Heard) => boolean; resolve: () => void }[] = [];

  constructor(private readonly cache: DossierPageCache) {}

  changed(change: DossierListChange): void {
    this.cache.changed(change);
    this.emit({ changed: change });
  }

  listening(heard: boolean): void {
    this.cache.listening(heard);
    this.emit({ listening: heard });
  }

  /** Resolves when something heard from now on passes `test`. */
  when(test: (heard: Heard) => boolean): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** A notification naming the campaign (or all of them). */
  campaign(campaignId: string): Promise<void> {
    return this.when(
      (heard) =>
        'changed' in heard && (heard.changed === 'all' || heard.changed.includes(campaignId)),
    );
  }

  private emit(heard: Heard): void {
    const waiting = this.waiters;
    this.waiters = waiting.filter(({ test }) => !test(heard));
    for (const waiter of waiting) if (!this.waiters.includes(waiter)) waiter.resolve();
  }
}

/**
 * The summaries' query, whose page waits at a gate once PostgreSQL has answered: a test can
 * commit a write between a read's query and its storing the page.
 */
class GatedSummaryQuery extends DossierSummaryQuery {
  gate: Promise<void> | undefined;
  answered: (() => void) | undefined;

  override async page(
    filter: DossierPageFilter,
    request: DossierPageRequest,
  ): Promise<DossierPage> {
    const page = await super.page(filter, request);
    this.answered?.();
    await this.gate;
    return page;
  }
}

const query = (fields: Partial<ListDossiersQuery> = {}) =>
  Object.assign(new ListDossiersQuery(), fields);
const ids = (body: Buffer) =>
  (JSON.parse(body.toString()) as DossierPageOutput).items
    .map((item) => item.organisationId)
    .sort();

describe('the dossier list page cache, invalidated by PostgreSQL', () => {
  let dataSource: DataSource;
  let store: EventStore;
  let summaries: GatedSummaryQuery;
  let clock: number | undefined;
  let cache: DossierPageCache;
  let heard: HeardChanges;
  let listener: DossierListChanges;
  let pages: DossierListPages;
  const applicationName = `amiflow-test-list-${run}`;

  const draft = async (campaignId: string, organisationId: string) => {
    const notified = heard.campaign(campaignId);
    await dossierStream(store, campaignId, organisationId).run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: organisationId,
        organisationType: 'CNP' as OrganisationType,
        profession: 'radiologie',
        terms,
      },
      new Date(base.getTime() + HOUR),
    );
    await notified;
  };

  const listen = async (firstRetryMs: number) => {
    listener = new DossierListChanges(loadConfig(process.env).database.url, heard, quiet, {
      applicationName,
      firstRetryMs,
    });
    const listening = heard.when((event) => 'listening' in event && event.listening);
    await listener.start();
    await listening;
  };

  /** Ends the listener's session from another connection, as a restarted database would. */
  const cutListener = async () => {
    const lost = heard.when((event) => 'listening' in event && !event.listening);
    await dataSource.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    await lost;
  };

  beforeAll(async () => {
    const fixture = await openDossierReadModelFixture();
    ({ dataSource, store } = fixture);
    summaries = new GatedSummaryQuery(dataSource);
  });

  beforeEach(async () => {
    clock = undefined;
    cache = new DossierPageCache({ maxEntries: 100, maxBytes: 1 << 20 }, () => clock ?? Date.now());
    heard = new HeardChanges(cache);
    await listen(250);
    pages = new DossierListPages(summaries, cache);
  });

  afterEach(async () => {
    await listener.stop();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('serves a page again from memory, and a write from another connection once it is notified', async () => {
    const campaignId = `cache-write-${run}`;
    await draft(campaignId, 'a');
    const first = await pages.body(campaignId, query());
    expect(ids(first)).toEqual(['a']);
    expect(await pages.body(campaignId, query({ limit: 50 }))).toBe(first);
    expect(cache.counts).toMatchObject({ hits: 1, misses: 1 });

    await draft(campaignId, 'b');
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a', 'b']);
  });

  it('forgets the pages of a campaign written to, not those of another', async () => {
    const written = `cache-written-${run}`;
    const other = `cache-other-${run}`;
    await draft(written, 'a');
    await draft(other, 'x');
    await pages.body(written, query());
    const otherPage = await pages.body(other, query());
    await draft(written, 'b');
    expect(await pages.body(other, query())).toBe(otherPage);
    expect(ids(await pages.body(written, query()))).toEqual(['a', 'b']);
  });

  it('does not keep a page read before a write committed once the write was heard', async () => {
    const campaignId = `cache-race-${run}`;
    await draft(campaignId, 'a');
    let open = () => undefined as void;
    summaries.gate = new Promise<void>((resolve) => (open = resolve));
    const answered = new Promise<void>((resolve) => (summaries.answered = resolve));
    // The read has its rows (only a) and has not stored its page yet.
    const reading = pages.body(campaignId, query());
    await answered;
    summaries.gate = undefined;
    summaries.answered = undefined;
    await draft(campaignId, 'b');
    open();
    expect(ids(await reading)).toEqual(['a']);
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a', 'b']);
  });

  it('forgets every page when the summaries are truncated', async () => {
    const campaignId = `cache-truncate-${run}`;
    await draft(campaignId, 'a');
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a']);
    const notified = heard.when((event) => 'changed' in event && event.changed === 'all');
    await dataSource.query('TRUNCATE dossier_summaries');
    await notified;
    expect(ids(await pages.body(campaignId, query()))).toEqual([]);
  });

  it('flips a late flag and the late-only filter at their instant, to the millisecond, with a warm cache', async () => {
    const campaignId = `cache-late-${run}`;
    await draft(campaignId, 'a');
    const [item] = (await summaries.page({ campaignId }, { limit: 1, now: base })).items;
    const due = Date.parse(item.nextDueAt as string);
    const read = async (at: number, fields: Partial<ListDossiersQuery> = {}) => {
      clock = at;
      return JSON.parse(
        (await pages.body(campaignId, query(fields))).toString(),
      ) as DossierPageOutput;
    };
    expect((await read(due - 1000)).items[0].late).toBe(false);
    expect((await read(due - 1000, { lateOnly: 'true' })).items).toEqual([]);
    const { hits } = cache.counts;
    expect((await read(due)).items[0].late).toBe(false);
    expect((await read(due, { lateOnly: 'true' })).items).toEqual([]);
    expect(cache.counts.hits).toBe(hits + 2);
    expect((await read(due + 1)).items[0].late).toBe(true);
    expect((await read(due + 1, { lateOnly: 'true' })).items.map((i) => i.organisationId)).toEqual([
      'a',
    ]);
  });

  it('keeps the counts per tab like the pages, until the campaign is written to', async () => {
    const campaignId = `cache-counts-${run}`;
    await draft(campaignId, 'a');
    const all = async () =>
      (
        JSON.parse((await pages.countsBody(campaignId, query())).toString()) as {
          tabs: { all: number };
        }
      ).tabs.all;
    expect(await all()).toBe(1);
    const { hits } = cache.counts;
    expect(await all()).toBe(1);
    expect(cache.counts.hits).toBe(hits + 1);
    await draft(campaignId, 'b');
    expect(await all()).toBe(2);
  });

  it('never serves one scope the page of another', async () => {
    const campaignId = `cache-scope-${run}`;
    await draft(campaignId, 'a');
    await draft(campaignId, 'b');
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a', 'b']);
    expect(ids(await pages.body(campaignId, query(), 'a'))).toEqual(['a']);
    expect(ids(await pages.body(campaignId, query(), 'b'))).toEqual(['b']);
    expect(ids(await pages.body(campaignId, query(), 'a'))).toEqual(['a']);
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a', 'b']);
  });

  it('reads every page from the database while it does not listen, and caches again once it does', async () => {
    await listener.stop();
    await listen(60_000);
    const campaignId = `cache-unheard-${run}`;
    await draft(campaignId, 'a');
    await pages.body(campaignId, query());
    await cutListener();
    // Committed while nobody listens: its notification is lost.
    await dossierStream(store, campaignId, 'b').run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId: 'b',
        organisationName: 'b',
        organisationType: 'CNP' as OrganisationType,
        profession: 'radiologie',
        terms,
      },
      new Date(base.getTime() + HOUR),
    );
    const { bypassed } = cache.counts;
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a', 'b']);
    await dossierStream(store, campaignId, 'c').run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId: 'c',
        organisationName: 'c',
        organisationType: 'CNP' as OrganisationType,
        profession: 'radiologie',
        terms,
      },
      new Date(base.getTime() + HOUR),
    );
    expect(ids(await pages.body(campaignId, query()))).toEqual(['a', 'b', 'c']);
    expect(cache.counts.bypassed).toBe(bypassed + 2);
    expect(cache.size).toBe(0);
  });

  it('listens again after losing its connection, and starts from nothing', async () => {
    const campaignId = `cache-again-${run}`;
    await draft(campaignId, 'a');
    const before = await pages.body(campaignId, query());
    const again = heard.when((event) => 'listening' in event && event.listening);
    await cutListener();
    await again;
    const after = await pages.body(campaignId, query());
    expect(after).not.toBe(before);
    expect(await pages.body(campaignId, query())).toBe(after);
  });
});
