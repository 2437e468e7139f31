// What the campaign page asks the API for, read from its URL: one pure function shared by the page
// and by the console's first script (main.tsx), which sends these requests before the page's code
// has even arrived — so both must build the very same paths.
import { DOSSIER_TABS } from '@amiflow/contracts/labels';
import { queryString } from '../api/client';
import { startOfDayIn } from '../format/dates';

/** Dossiers per page of the table. */
export const PAGE_SIZE = 50;

/** The table's sortable columns, by their header: the API's sort keys (GET …/dossiers?sort=). */
export const SORTABLE: Record<string, string> = {
  Organisation: 'organisationName',
  État: 'status',
  Complétude: 'completeness',
  'Prochaine échéance': 'nextDueAt',
  'Dernier changement': 'updatedAt',
};

/** The API's default order for a sort: the latest change first, every other ascending. */
export const defaultOrder = (sort: string): 'asc' | 'desc' =>
  sort === 'updatedAt' ? 'desc' : 'asc';

/** GET /campaigns/{c}. */
export const campaignPath = (campaignId: string): string =>
  `/campaigns/${encodeURIComponent(campaignId)}`;

/** The campaign's query in the page's cache (TanStack Query): the key its answer is kept under. */
export const campaignQueryKey = (campaignId: string) => ['campaign', campaignId] as const;

/**
 * The campaign whose page `pathname` (the whole path, under /console/) opens, if it is one: the
 * page that the console's first script and the API's prerendering both recognise.
 */
export function campaignPageId(pathname: string): string | undefined {
  const found = /^\/console\/campagnes\/([^/]+)\/?$/.exec(pathname);
  if (!found) return undefined;
  try {
    return decodeURIComponent(found[1]);
  } catch {
    return undefined;
  }
}

/**
 * The dossier list the URL (`search`) shows, and the paths of its counts and its page. `zone` is
 * the campaign's time zone once known: « Échéance avant le » is a day that starts in that zone, so
 * while it is unknown a list filtered by it is not `ready` to be asked for (any other is).
 */
export function campaignListRequest(
  campaignId: string,
  search: URLSearchParams,
  zone: string | undefined,
) {
  const filters = {
    state: search.get('etat') ?? '',
    organisationType: search.get('type') ?? '',
    profession: search.get('profession') ?? '',
    text: search.get('texte') ?? '',
  };
  const dueBeforeDay = search.get('echeance-avant') ?? '';
  const lateOnly = search.get('en-retard') === 'oui';
  const tab = DOSSIER_TABS.find((t) => t.tab === search.get('onglet'))?.tab ?? 'all';
  const sort = Object.values(SORTABLE).find((key) => key === search.get('tri')) ?? 'updatedAt';
  const requested = search.get('ordre');
  const order = requested === 'asc' || requested === 'desc' ? requested : defaultOrder(sort);
  const cursor = search.get('curseur') ?? '';
  // Counts and page read under the same filters, so that a tab's count is what its table holds.
  const listFilters = {
    ...filters,
    dueBefore: zone ? startOfDayIn(dueBeforeDay, zone) : undefined,
    lateOnly: lateOnly ? 'true' : undefined,
  };
  const base = campaignPath(campaignId);
  return {
    filters,
    dueBeforeDay,
    lateOnly,
    tab,
    sort,
    order,
    cursor,
    listFilters,
    ready: !dueBeforeDay || zone !== undefined,
    countsPath: `${base}/dossier-counts${queryString(listFilters)}`,
    countsKey: ['dossier-counts', campaignId, listFilters] as const,
    dossiersKey: ['dossiers', campaignId, listFilters, tab, sort, order, cursor] as const,
    dossiersPath: `${base}/dossiers${queryString({ ...listFilters, tab, sort, order, cursor, limit: PAGE_SIZE })}`,
  };
}
