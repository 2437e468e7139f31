import { DemandTheme, ThemeTaxonomy } from '@amiflow/domain';
import { frenchTerms } from '../french/french-terms';

/** A keyword of a theme, as the minimal forms of its words, in order. */
export interface KeywordPattern {
  readonly keyword: string;
  readonly forms: readonly string[];
  /** What one match of it is worth: phrases more than words, shared keywords less. */
  readonly weight: number;
}

/** A theme made ready for comparison: its keywords as patterns, its text as a weighted vector. */
export interface IndexedTheme {
  readonly theme: DemandTheme;
  readonly patterns: readonly KeywordPattern[];
  /** TF-IDF weight of each term of its label, keywords and description. */
  readonly profile: ReadonlyMap<string, number>;
  readonly norm: number;
}

/** A theme's weight for a term, or a keyword that starts with a form: what a word points to. */
export interface ThemePosting<T> {
  /** Position of the theme in `themes`. */
  readonly theme: number;
  readonly value: T;
}

export interface ThemeIndex {
  readonly themes: readonly IndexedTheme[];
  /** For each term, the themes whose profile has it and its weight there. */
  readonly profilePostings: ReadonlyMap<string, readonly ThemePosting<number>[]>;
  /** For each form, the keywords that start with it, so a passage tries only those it may spell. */
  readonly patternPostings: ReadonlyMap<string, readonly ThemePosting<KeywordPattern>[]>;
  /** Inverse theme frequency of a term: rare across themes weighs more. */
  idf(term: string): number;
}

// The label and the keywords say what the theme is; the description explains it in passing
// words (« pouvoir », « projets ») that say less.
const LABEL_WEIGHT = 2;
const KEYWORD_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;
/** A phrase of several words is stronger evidence than any one of them. */
const PHRASE_WEIGHT = 1.5;

export function indexThemes(taxonomy: ThemeTaxonomy): ThemeIndex {
  const counts = taxonomy.themes.map((theme) => {
    const counts = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const { term } of frenchTerms(text)) counts.set(term, (counts.get(term) ?? 0) + weight);
    };
    add(theme.label, LABEL_WEIGHT);
    theme.keywords.forEach((keyword) => add(keyword, KEYWORD_WEIGHT));
    add(theme.description, DESCRIPTION_WEIGHT);
    return counts;
  });

  const themeCount = taxonomy.themes.length;
  const documentFrequency = new Map<string, number>();
  for (const themeCounts of counts) {
    for (const term of themeCounts.keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const idf = (term: string) => Math.log(1 + themeCount / (documentFrequency.get(term) ?? 1));

  // A keyword whose terms several themes list is evidence for each of them, but less.
  const patternForms = taxonomy.themes.map((theme) => keywordForms(theme.keywords));
  const sharing = new Map<string, number>();
  for (const patterns of patternForms) {
    for (const key of new Set(patterns.map(({ forms }) => forms.join(' ')))) {
      sharing.set(key, (sharing.get(key) ?? 0) + 1);
    }
  }

  const themes = taxonomy.themes.map((theme, index): IndexedTheme => {
    const profile = new Map<string, number>();
    for (const [term, count] of counts[index] ?? []) {
      profile.set(term, (1 + Math.log(count)) * idf(term));
    }
    const patterns = (patternForms[index] ?? []).map(({ keyword, forms }) => ({
      keyword,
      forms,
      weight: (forms.length > 1 ? PHRASE_WEIGHT : 1) / (sharing.get(forms.join(' ')) ?? 1),
    }));
    return { theme, patterns, profile, norm: Math.hypot(...profile.values()) };
  });

  const profilePostings = new Map<string, ThemePosting<number>[]>();
  const patternPostings = new Map<string, ThemePosting<KeywordPattern>[]>();
  themes.forEach(({ profile, patterns }, theme) => {
    for (const [term, value] of profile) append(profilePostings, term, { theme, value });
    for (const pattern of patterns) {
      append(patternPostings, pattern.forms[0] ?? '', { theme, value: pattern });
    }
  });
  return { themes, idf, profilePostings, patternPostings };
}

function keywordForms(keywords: readonly string[]): { keyword: string; forms: string[] }[] {
  const seen = new Set<string>();
  const patterns: { keyword: string; forms: string[] }[] = [];
  for (const keyword of keywords) {
    const forms = frenchTerms(keyword).map(({ form }) => form);
    const key = forms.join(' ');
    // Two spellings of one keyword (« financement », « financements ») are one piece of evidence.
    if (forms.length === 0 || seen.has(key)) continue;
    seen.add(key);
    patterns.push({ keyword, forms });
  }
  return patterns;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
