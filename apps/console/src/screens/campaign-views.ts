// The campaign page's URL (French names, a day for « échéance avant ») and the dossier list's API
// query (the API's names, an instant), both ways: a saved view keeps the API's query, so that the
// API checks it as the list does; opening one turns it back into the page's URL.

import { dateTimeFormat } from '../format/date-time-format';

/** The page's parameters that are the list's own, with the API's name of each. */
const URL_TO_API: Record<string, string> = {
  onglet: 'tab',
  etat: 'state',
  type: 'organisationType',
  profession: 'profession',
  texte: 'text',
  'en-retard': 'lateOnly',
  tri: 'sort',
  ordre: 'order',
};

/** The table's columns, in their default order; the organisation's is always shown. */
export const COLUMNS = [
  { key: 'type', name: 'Type' },
  { key: 'profession', name: 'Profession' },
  { key: 'etat', name: 'État' },
  { key: 'completude', name: 'Complétude' },
  { key: 'echeance', name: 'Prochaine échéance' },
  { key: 'changement', name: 'Dernier changement' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The columns a `colonnes` value names, known ones only, in the table's order; none: all. */
export function chosenColumns(value: string | null): ColumnKey[] {
  const named = new Set((value ?? '').split(','));
  const known = COLUMNS.map((column) => column.key).filter((key) => named.has(key));
  return known.length > 0 ? known : COLUMNS.map((column) => column.key);
}

/** The `colonnes` value for a choice; null when it is the default (all). */
export function columnsParameter(keys: readonly string[]): string | null {
  const chosen = chosenColumns(keys.join(','));
  return chosen.length === COLUMNS.length ? null : chosen.join(',');
}

/**
 * The list's API query for the page's URL (`search`), without page position; `dueBefore` is the
 * start of the chosen day in the campaign's zone (`startOfDay` converts).
 */
export function apiQueryOf(
  search: URLSearchParams,
  startOfDay: (day: string) => string | undefined,
): string {
  const query = new URLSearchParams();
  for (const [name, apiName] of Object.entries(URL_TO_API)) {
    const value = search.get(name);
    if (!value) continue;
    if (name === 'en-retard') {
      if (value === 'oui') query.set(apiName, 'true');
    } else if (!(name === 'onglet' && value === 'all')) {
      query.set(apiName, value);
    }
  }
  const day = search.get('echeance-avant');
  const dueBefore = day ? startOfDay(day) : undefined;
  if (dueBefore) query.set('dueBefore', dueBefore);
  return query.toString();
}

/** The page's URL for a saved view: its query in the page's names, and its columns. */
export function urlOfView(
  view: { query: string; columns: readonly string[] },
  timeZone: string,
): URLSearchParams {
  const query = new URLSearchParams(view.query);
  const search = new URLSearchParams();
  for (const [name, apiName] of Object.entries(URL_TO_API)) {
    const value = query.get(apiName);
    if (!value) continue;
    if (name === 'en-retard') {
      if (value === 'true') search.set(name, 'oui');
    } else {
      search.set(name, value);
    }
  }
  const dueBefore = query.get('dueBefore');
  if (dueBefore && !Number.isNaN(Date.parse(dueBefore))) {
    search.set('echeance-avant', dayIn(dueBefore, timeZone));
  }
  const columns = columnsParameter(view.columns);
  if (columns) search.set('colonnes', columns);
  return search;
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayIn(instant: string, timeZone: string): string {
  // The Canadian English format is the ISO one.
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** A view's identifier from its name: « À traiter, en retard » → a-traiter-en-retard. */
export function viewIdOf(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
  return slug || 'vue';
}
