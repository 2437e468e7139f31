import type { ThemeTaxonomy } from '@amiflow/domain';
import type { ThemeTagRow } from '@amiflow/persistence';

/** Quotes kept per profession for a common demand: enough to read it, not every one of them. */
export const QUOTES_PER_PROFESSION = 3;

export interface ThemeMatrixRow {
  readonly themeId: string;
  readonly label: string;
  /** Distinct dossiers raising the theme, whatever their profession. */
  readonly dossiers: number;
  /** Dossiers raising it, by profession (null: none stated), in the matrix's profession order. */
  readonly byProfession: readonly {
    readonly profession: string | null;
    readonly dossiers: number;
  }[];
}

export interface ThemeMatrix {
  /** The matrix's columns: every profession with a tagged dossier, sorted, none stated last. */
  readonly professions: readonly (string | null)[];
  /** One row per theme of the taxonomy, in its order (a theme no tag names counts zero). */
  readonly rows: readonly ThemeMatrixRow[];
}

export interface DemandQuote {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly profession: string | null;
  readonly sectionId: string;
  readonly quote: string;
}

export interface CommonDemand {
  readonly themeId: string;
  readonly label: string;
  /** The distinct professions (stated ones only) of the dossiers raising it, sorted. */
  readonly professions: readonly string[];
  readonly dossiers: number;
  /** Up to `QUOTES_PER_PROFESSION` tagged passages per profession, professions in order. */
  readonly quotes: readonly DemandQuote[];
}

/**
 * The matrix themes × professions (issue 13, item 4): how many dossiers of each profession raise
 * each theme, from the tags operators placed or accepted. A dossier counts once per theme however
 * many of its passages carry it. Tags naming a theme the taxonomy no longer holds are left out.
 */
export function themeMatrix(taxonomy: ThemeTaxonomy, tags: readonly ThemeTagRow[]): ThemeMatrix {
  const dossiersByTheme = new Map<string, Map<string | null, Set<string>>>();
  const professions = new Set<string | null>();
  const known = new Set(taxonomy.themes.map((theme) => theme.id));
  for (const tag of tags) {
    if (!known.has(tag.themeId)) continue;
    professions.add(tag.profession);
    const byProfession = dossiersByTheme.get(tag.themeId) ?? new Map<string | null, Set<string>>();
    const dossiers = byProfession.get(tag.profession) ?? new Set<string>();
    dossiers.add(tag.organisationId);
    byProfession.set(tag.profession, dossiers);
    dossiersByTheme.set(tag.themeId, byProfession);
  }
  const columns = [...professions].sort(byProfessionName);
  return {
    professions: columns,
    rows: taxonomy.themes.map(({ id, label }) => {
      const byProfession = dossiersByTheme.get(id);
      return {
        themeId: id,
        label,
        dossiers: [...(byProfession?.values() ?? [])].reduce((total, set) => total + set.size, 0),
        byProfession: columns.map((profession) => ({
          profession,
          dossiers: byProfession?.get(profession)?.size ?? 0,
        })),
      };
    }),
  };
}

/**
 * The common demands: themes raised by dossiers of at least `threshold` distinct professions
 * (dossiers without a stated profession count towards none), most professions first, then most
 * dossiers, then taxonomy order; each with quoted passages and their dossiers.
 */
export function commonDemands(
  matrix: ThemeMatrix,
  tags: readonly ThemeTagRow[],
  threshold: number,
): CommonDemand[] {
  const order = new Map(matrix.rows.map((row, index) => [row.themeId, index]));
  return matrix.rows
    .map((row) => ({
      row,
      professions: row.byProfession
        .filter((cell) => cell.profession !== null && cell.dossiers > 0)
        .map((cell) => cell.profession as string),
    }))
    .filter(({ professions }) => professions.length >= threshold)
    .sort(
      (a, b) =>
        b.professions.length - a.professions.length ||
        b.row.dossiers - a.row.dossiers ||
        (order.get(a.row.themeId) ?? 0) - (order.get(b.row.themeId) ?? 0),
    )
    .map(({ row, professions }) => ({
      themeId: row.themeId,
      label: row.label,
      professions,
      dossiers: row.dossiers,
      quotes: quotesOf(row.themeId, professions, tags),
    }));
}

function quotesOf(
  themeId: string,
  professions: readonly string[],
  tags: readonly ThemeTagRow[],
): DemandQuote[] {
  const kept = new Map<string, DemandQuote[]>(professions.map((p) => [p, []]));
  for (const tag of tags) {
    if (tag.themeId !== themeId || tag.profession === null) continue;
    const quotes = kept.get(tag.profession);
    if (!quotes || quotes.length >= QUOTES_PER_PROFESSION) continue;
    const { organisationId, organisationName, profession, sectionId, quote } = tag;
    quotes.push({ organisationId, organisationName, profession, sectionId, quote });
  }
  return professions.flatMap((profession) => kept.get(profession) ?? []);
}

/** Professions in French alphabetical order, the dossiers without one last. */
function byProfessionName(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'fr');
}
