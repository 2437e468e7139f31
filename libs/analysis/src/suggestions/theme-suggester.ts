import { Answers, ThemeTaxonomy } from '@amiflow/domain';
import { frenchTerms, TextTerm } from '../french/french-terms';
import { splitPassages, TextSpan } from '../french/passages';
import { IndexedTheme, indexThemes, KeywordPattern, ThemeIndex } from './theme-index';
import { SuggestionWord, ThemeSuggestion } from './theme-suggestion';

export interface ThemeSuggesterOptions {
  /** The lowest score suggested; `DEFAULT_SUGGESTION_THRESHOLD` unless given. */
  readonly threshold?: number;
}

/**
 * Chosen on the tuning half of the labelled answers (`@amiflow/analysis/testing`): one keyword
 * alone passes it (about 0.59), and so does, without any keyword, a cosine of 0.09 with the
 * theme's text.
 */
export const DEFAULT_SUGGESTION_THRESHOLD = 0.45;

/**
 * How fast keyword evidence saturates: one plain keyword gives 1 − e^(−KEYWORD_RATE), about 0.6;
 * two, 0.84.
 */
const KEYWORD_RATE = 0.9;
/**
 * How fast the cosine with the theme's text saturates: a sentence shares few words with a theme's
 * description, so a cosine of 0.15 already gives 1 − e^(−1), about 0.63.
 */
const COSINE_SCALE = 0.15;
/** Words a phrase may skip between two of its terms: « accès facilité aux données ». */
const PHRASE_GAP = 2;

/** Suggestions for one section of a dossier's answers. */
export interface SectionThemeSuggestion extends ThemeSuggestion {
  readonly sectionId: string;
}

export interface ThemeSuggester {
  /** The themes at or above the threshold, best first (taxonomy order among equals). */
  suggest(text: string): ThemeSuggestion[];
  /** Every theme with any evidence in the text, whatever its score, best first. */
  scoreAll(text: string): ThemeSuggestion[];
  /** `suggest` for each answered section, in the order of the answers' keys. */
  suggestForAnswers(answers: Answers): SectionThemeSuggestion[];
}

/**
 * Indexes the taxonomy once, so that many answers are compared cheaply. Pure: the same taxonomy
 * and text always give the same suggestions.
 */
export function createThemeSuggester(
  taxonomy: ThemeTaxonomy,
  options: ThemeSuggesterOptions = {},
): ThemeSuggester {
  const index = indexThemes(taxonomy);
  const threshold = options.threshold ?? DEFAULT_SUGGESTION_THRESHOLD;
  const scoreAll = (text: string) => scoreText(index, text, 0);
  const suggest = (text: string) => scoreText(index, text, threshold);
  return {
    scoreAll,
    suggest,
    suggestForAnswers: (answers) =>
      Object.entries(answers).flatMap(([sectionId, text]) =>
        suggest(text).map((suggestion) => ({ sectionId, ...suggestion })),
      ),
  };
}

/** One text, one taxonomy: `createThemeSuggester(taxonomy, options).suggest(text)`. */
export function suggestThemes(
  text: string,
  taxonomy: ThemeTaxonomy,
  options: ThemeSuggesterOptions = {},
): ThemeSuggestion[] {
  return createThemeSuggester(taxonomy, options).suggest(text);
}

interface BestPassage {
  readonly score: number;
  readonly span: TextSpan;
  readonly terms: readonly TextTerm[];
  readonly keywordTerms: readonly TextTerm[];
}

/** The themes whose best passage scores at least `threshold`, best first. */
function scoreText(index: ThemeIndex, text: string, threshold: number): ThemeSuggestion[] {
  const terms = frenchTerms(text);
  const best: (BestPassage | undefined)[] = index.themes.map(() => undefined);
  let cursor = 0;
  for (const span of splitPassages(text)) {
    // Terms and passages are both in text order, and a word never straddles two sentences.
    while (cursor < terms.length && terms[cursor].start < span.start) cursor += 1;
    const from = cursor;
    while (cursor < terms.length && terms[cursor].end <= span.end) cursor += 1;
    if (cursor === from) continue;
    const passageTerms = terms.slice(from, cursor);
    for (const found of scorePassage(index, passageTerms)) {
      const previous = best[found.theme];
      if (previous === undefined || found.score > previous.score) {
        best[found.theme] = { ...found, span, terms: passageTerms };
      }
    }
  }
  const suggestions: { position: number; suggestion: ThemeSuggestion }[] = [];
  best.forEach((passage, position) => {
    const theme = index.themes[position];
    // Quoting and listing words is left to the themes that are suggested.
    if (passage === undefined || theme === undefined || passage.score < threshold) return;
    suggestions.push({
      position,
      suggestion: {
        themeId: theme.theme.id,
        score: passage.score,
        passage: { ...passage.span, text: text.slice(passage.span.start, passage.span.end) },
        words: ledWords(theme, passage),
      },
    });
  });
  return suggestions
    .sort((a, b) => b.suggestion.score - a.suggestion.score || a.position - b.position)
    .map(({ suggestion }) => suggestion);
}

/** The keyword matches and the words of the theme's text, as written, in text order. */
function ledWords(theme: IndexedTheme, passage: BestPassage): SuggestionWord[] {
  const led = new Set(passage.keywordTerms);
  for (const term of passage.terms) if (theme.profile.has(term.term)) led.add(term);
  return [...led]
    .sort((a, b) => a.start - b.start)
    .map(({ word, start, end }) => ({ text: word, start, end }));
}

interface PassageScore {
  readonly theme: number;
  readonly score: number;
  readonly keywordTerms: readonly TextTerm[];
}

/** Every theme with some evidence in the passage, by its position in the index. */
function scorePassage(index: ThemeIndex, terms: readonly TextTerm[]): PassageScore[] {
  const themeCount = index.themes.length;

  const counts = new Map<string, number>();
  for (const { term } of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  // Words no theme uses stay in the passage's norm, weighing as the rarest: a sentence that says
  // many other things is less about the theme than one that says only the theme's words.
  const dots = new Float64Array(themeCount);
  let squares = 0;
  for (const [term, count] of counts) {
    const weight = (1 + Math.log(count)) * index.idf(term);
    squares += weight * weight;
    for (const { theme, value } of index.profilePostings.get(term) ?? []) {
      dots[theme] = (dots[theme] ?? 0) + weight * value;
    }
  }
  const norm = Math.sqrt(squares);

  const evidence = new Float64Array(themeCount);
  const keywordTerms: TextTerm[][] = index.themes.map(() => []);
  const tried = new Set<KeywordPattern>();
  for (const { form } of terms) {
    for (const { theme, value: pattern } of index.patternPostings.get(form) ?? []) {
      if (tried.has(pattern)) continue;
      tried.add(pattern);
      const matched = matchPattern(pattern, terms);
      if (matched === undefined) continue;
      evidence[theme] = (evidence[theme] ?? 0) + pattern.weight;
      keywordTerms[theme]?.push(...matched);
    }
  }

  const scores: PassageScore[] = [];
  index.themes.forEach(({ norm: themeNorm }, theme) => {
    const dot = dots[theme] ?? 0;
    const hits = evidence[theme] ?? 0;
    if (hits === 0 && dot === 0) return;
    const cosine = themeNorm === 0 || norm === 0 ? 0 : dot / (themeNorm * norm);
    const keywordScore = 1 - Math.exp(-KEYWORD_RATE * hits);
    const cosineScore = 1 - Math.exp(-cosine / COSINE_SCALE);
    const score = 1 - (1 - keywordScore) * (1 - cosineScore);
    scores.push({
      theme,
      score: Math.round(score * 1000) / 1000,
      keywordTerms: keywordTerms[theme] ?? [],
    });
  });
  return scores;
}

/**
 * The passage's words that spell the pattern: its forms in order, at most PHRASE_GAP words apart.
 * The first such spelling, or undefined.
 */
function matchPattern(pattern: KeywordPattern, terms: readonly TextTerm[]): TextTerm[] | undefined {
  const [first, ...rest] = pattern.forms;
  for (const [start, term] of terms.entries()) {
    if (term.form !== first) continue;
    const matched = [term];
    let at = start;
    for (const next of rest) {
      const window = terms.slice(at + 1, at + 2 + PHRASE_GAP);
      const found = window.findIndex(({ form }) => form === next);
      if (found < 0) break;
      at += 1 + found;
      matched.push(window[found]);
    }
    if (matched.length === pattern.forms.length) return matched;
  }
  return undefined;
}
