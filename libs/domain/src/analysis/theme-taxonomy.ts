/**
 * The demand themes a campaign's answers are read against: what operators tag passages with, and
 * what the suggestions are computed from. Pure data, so that a campaign file can carry its own.
 */
export interface DemandTheme {
  /** Stable identifier, lower-case words joined by hyphens (`acces-donnees`). */
  readonly id: string;
  /** What users see, in French (« Accès aux données de santé »). */
  readonly label: string;
  /** One or two French sentences saying what answers under this theme ask for. */
  readonly description: string;
  /**
   * French words or short phrases that signal the theme, written as people write them (accents,
   * plurals and all: the analysis folds and stems them). A phrase matches its words in order.
   */
  readonly keywords: readonly string[];
  /** Why the theme is in the taxonomy: the reading of the campaign it rests on. */
  readonly assumption?: string;
}

export interface ThemeTaxonomy {
  readonly themes: readonly DemandTheme[];
}

/** One thing wrong with a taxonomy: where, and what, in French. */
export interface ThemeTaxonomyProblem {
  readonly path: string;
  readonly message: string;
}

const THEME_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function validateThemeTaxonomy(taxonomy: ThemeTaxonomy): ThemeTaxonomyProblem[] {
  const problems: ThemeTaxonomyProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const seen = new Set<string>();
  taxonomy.themes.forEach((theme, index) => {
    const at = `themes[${index}]`;
    if (!THEME_ID.test(theme.id)) {
      add(
        `${at}.id`,
        `Identifiant de thème invalide : « ${theme.id} » (minuscules, chiffres et tirets).`,
      );
    } else if (seen.has(theme.id)) {
      add(`${at}.id`, `Identifiant de thème en double : « ${theme.id} ».`);
    }
    seen.add(theme.id);
    if (theme.label.trim() === '') add(`${at}.label`, 'Le libellé du thème est obligatoire.');
    if (theme.description.trim() === '') {
      add(`${at}.description`, 'La description du thème est obligatoire.');
    }
    if (theme.keywords.every((keyword) => keyword.trim() === '')) {
      add(`${at}.keywords`, 'Un thème a au moins un mot-clé.');
    }
  });
  return problems;
}
