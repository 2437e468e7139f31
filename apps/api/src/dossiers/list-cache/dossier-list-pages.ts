import { defaultOrder, DossierPageFilter, DossierSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '../../common/page-cursor';
import { decodeDossierCursor, encodeDossierCursor } from '../dossier-list-cursor';
import { DossierPageOutput } from '../dtos/dossier-page.output';
import { DossierFilterQuery, ListDossiersQuery } from '../dtos/list-dossiers.query';
import { DossierPageCache } from './dossier-page-cache';

/**
 * The dossier list's pages, as the JSON the route sends: from the page cache while it holds
 * one still true, else from PostgreSQL (and then kept, unless the campaign changed meanwhile).
 */
@Injectable()
export class DossierListPages {
  constructor(
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(DossierPageCache) private readonly cache: DossierPageCache,
  ) {}

  /** The page's JSON; `onlyOrganisation`: the caller's scope (an organisation sees its own). */
  async body(
    campaignId: string,
    query: ListDossiersQuery,
    onlyOrganisation?: string,
  ): Promise<Buffer> {
    const key = pageKey(campaignId, query, onlyOrganisation);
    const cached = this.cache.get(key, campaignId);
    if (cached) return cached;
    // Read before the query starts: a change handled before the page is stored refuses it.
    const generation = this.cache.generation(campaignId);
    const now = new Date(this.cache.now());
    const lateness = query.lateOnly === 'true';
    const toProcess = query.tab === 'to-process';
    const [page, membershipChange] = await Promise.all([
      this.page(campaignId, query, now, onlyOrganisation),
      generation !== undefined && (lateness || toProcess)
        ? this.summaries.nextListChange(campaignId, now, { lateness, toProcess })
        : null,
    ]);
    const body = Buffer.from(JSON.stringify(page));
    if (generation !== undefined) {
      this.cache.store(key, campaignId, generation, body, expiryOf(page, membershipChange));
    }
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
 * Everything a page depends on but the rows and the instant: the campaign, the caller's scope
 * (never one organisation's page for another, nor for an operator), and the query with its
 * defaults written out, so that `?limit=50` and no limit are one page.
 */
export function pageKey(
  campaignId: string,
  query: ListDossiersQuery,
  onlyOrganisation: string | undefined,
): string {
  const sort = query.sort ?? 'updatedAt';
  return JSON.stringify([
    campaignId,
    onlyOrganisation ?? null,
    query.tab ?? 'all',
    sort,
    query.order ?? defaultOrder(sort),
    query.limit ?? DEFAULT_PAGE_SIZE,
    query.cursor ?? null,
    query.state ?? null,
    query.organisationType ?? null,
    query.profession ?? null,
    query.text ?? null,
    query.dueBefore === undefined ? null : Date.parse(query.dueBefore),
    query.lateOnly === 'true',
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
