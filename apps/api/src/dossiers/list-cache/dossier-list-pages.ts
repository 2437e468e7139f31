import { defaultOrder, DossierPageFilter, DossierSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '../../common/page-cursor';
import { decodeDossierCursor, encodeDossierCursor } from '../dossier-list-cursor';
import { DossierPageOutput } from '../dtos/dossier-page.output';
import { DossierFilterQuery, ListDossiersQuery } from '../dtos/list-dossiers.query';
import { DossierPageCache } from './dossier-page-cache';

/**
 * The dossier list's pages and its counts per tab, as the JSON the routes send: from the page
 * cache while it holds one still true, else from PostgreSQL (and then kept, unless the campaign
 * changed meanwhile).
 */
@Injectable()
export class DossierListPages {
  constructor(
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(DossierPageCache) private readonly cache: DossierPageCache,
  ) {}

  /** The page's JSON; `onlyOrganisation`: the caller's scope (an organisation sees its own). */
  body(campaignId: string, query: ListDossiersQuery, onlyOrganisation?: string): Promise<Buffer> {
    const lateness = query.lateOnly === 'true';
    const toProcess = query.tab === 'to-process';
    return this.served(
      pageKey(campaignId, query, onlyOrganisation),
      campaignId,
      async (now, kept) => {
        const [page, membershipChange] = await Promise.all([
          this.page(campaignId, query, now, onlyOrganisation),
          kept && (lateness || toProcess)
            ? this.summaries.nextListChange(campaignId, now, { lateness, toProcess })
            : null,
        ]);
        return { value: page, expiresAt: expiryOf(page, membershipChange) };
      },
    );
  }

  /**
   * The counts per tab and per state under the list's filters, as JSON, kept like the pages:
   * until the campaign changes, or a dossier enters « à traiter » (or the late ones, filtered so).
   */
  countsBody(campaignId: string, query: DossierFilterQuery): Promise<Buffer> {
    const lateness = query.lateOnly === 'true';
    return this.served(
      JSON.stringify(['counts', filterOf(campaignId, query)]),
      campaignId,
      async (now, kept) => {
        const [{ tabs, byStatus }, change] = await Promise.all([
          this.summaries.counts(filterOf(campaignId, query), now),
          kept
            ? this.summaries.nextListChange(campaignId, now, { lateness, toProcess: true })
            : null,
        ]);
        return { value: { tabs, byStatus }, expiresAt: change ?? Infinity };
      },
    );
  }

  /**
   * What the cache holds under `key`, else what `read` answers at this instant, kept (unless the
   * campaign changed meanwhile) until the instant `read` says it may differ. `kept`: whether the
   * answer may be kept at all (not while changes are unheard), so that `read` spares the query
   * of that instant when it will not be.
   */
  private async served(
    key: string,
    campaignId: string,
    read: (now: Date, kept: boolean) => Promise<{ value: unknown; expiresAt: number }>,
  ): Promise<Buffer> {
    const cached = this.cache.get(key, campaignId);
    if (cached) return cached;
    // Read before the query starts: a change handled before the answer is stored refuses it.
    const generation = this.cache.generation(campaignId);
    const { value, expiresAt } = await read(new Date(this.cache.now()), generation !== undefined);
    const body = Buffer.from(JSON.stringify(value));
    if (generation !== undefined) this.cache.store(key, campaignId, generation, body, expiresAt);
    return body;
  }

  /**
   * A page of the list, in a tab and a sort, judged at `now`: its items are the rows as
   * PostgreSQL wrote them (`DossierListItem`, a `DossierOutput`'s fields in its order); the
   * cursor carries the sort it belongs to.
   */
  async page(
    campaignId: string,
    query: ListDossiersQuery,
    now: Date,
    onlyOrganisation?: string,
  ): Promise<DossierPageOutput> {
    const sort = query.sort ?? 'updatedAt';
    const order = query.order ?? defaultOrder(sort);
    const page = await this.summaries.page(filterOf(campaignId, query, onlyOrganisation), {
      tab: query.tab,
      sort,
      order,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      after:
        query.cursor === undefined ? undefined : decodeDossierCursor(query.cursor, sort, order),
      now,
    });
    return {
      items: page.items,
      nextCursor: page.next ? encodeDossierCursor(sort, order, page.next) : null,
    };
  }
}

/**
 * Everything a page depends on but the rows and the instant: the filter the query runs with (the
 * campaign, the caller's scope — never one organisation's page for another, nor for an
 * operator —, the filters, `dueBefore` as an instant), then the tab, the sort and the page, with
 * their defaults written out so that `?limit=50` and no limit are one page. Made from the filter
 * itself, so that a filter added to the list can never be missing from the key.
 */
export function pageKey(
  campaignId: string,
  query: ListDossiersQuery,
  onlyOrganisation: string | undefined,
): string {
  const sort = query.sort ?? 'updatedAt';
  return JSON.stringify([
    filterOf(campaignId, query, onlyOrganisation),
    query.tab ?? 'all',
    sort,
    query.order ?? defaultOrder(sort),
    query.limit ?? DEFAULT_PAGE_SIZE,
    query.cursor ?? null,
  ]);
}

/**
 * The first instant the page may say something else with the same rows: an item not yet late
 * becomes late 1 ms after it falls due (`late` is "due strictly before now", to the
 * millisecond); a list filtered by lateness or in the « à traiter » tab may gain a dossier at
 * `membershipChange`. Infinity when nothing in it depends on the time.
 */
export function expiryOf(page: DossierPageOutput, membershipChange: number | null): number {
  let expiresAt = membershipChange ?? Infinity;
  for (const item of page.items) {
    if (!item.late && item.nextDueAt !== null)
      expiresAt = Math.min(expiresAt, Date.parse(item.nextDueAt) + 1);
  }
  return expiresAt;
}

export function filterOf(
  campaignId: string,
  query: DossierFilterQuery,
  onlyOrganisation?: string,
): DossierPageFilter {
  return {
    campaignId,
    state: query.state,
    organisationType: query.organisationType,
    profession: query.profession,
    text: query.text,
    organisationId: onlyOrganisation,
    dueBefore: query.dueBefore === undefined ? undefined : new Date(query.dueBefore),
    lateOnly: query.lateOnly === 'true',
  };
}
