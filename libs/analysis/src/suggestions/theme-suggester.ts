import { Answers, ThemeTaxonomy } from '@amiflow/domain';
import { frenchTerms, TextTerm } from '../french/french-terms';
import { splitPassages } from '../french/passages';
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
  const scoreAll = (text: string) => scoreText(index, text);
  const suggest = (text: string) => scoreAll(text).filter(({ score }) => score >= threshold);
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

function scoreText(index: ThemeIndex, text: string): ThemeSuggestion[] {
  const terms = frenchTerms(text);
  const passages = splitPassages(text).map((span) => ({
    span,
    terms: terms.filter(({ start, end }) => start >= span.start && end <= span.end),
  }));
  const best = new Map<string, ThemeSuggestion>();
  for (const { span, terms: passageTerms } of passages) {
    if (passageTerms.length === 0) continue;
    const vector = termVector(index, passageTerms);
    for (const theme of index.themes) {
      const found = scorePassage(theme, passageTerms, vector);
      if (found === undefined) continue;
      const previous = best.get(theme.theme.id);
      if (previous === undefined || found.score > previous.score) {
        best.set(theme.theme.id, {
          themeId: theme.theme.id,
          score: found.score,
          passage: { ...span, text: text.slice(span.start, span.end) },
          words: found.words,
        });
      }
    }
  }
  const order = new Map(index.themes.map(({ theme }, position) => [theme.id, position]));
  return [...best.values()].sort(
    (a, b) => b.score - a.score || (order.get(a.themeId) ?? 0) - (order.get(b.themeId) ?? 0),
  );
}

interface PassageVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

function termVector(index: ThemeIndex, terms: readonly TextTerm[]): PassageVector {
  const counts = new Map<string, number>();
  for (const { term } of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const weights = new Map<string, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    // Words no theme uses stay in, weighing as the rarest: a sentence that says many other
    // things is less about the theme than one that says only the theme's words.
    const weight = (1 + Math.log(count)) * index.idf(term);
    weights.set(term, weight);
    squares += weight * weight;
  }
  return { weights, norm: Math.sqrt(squares) };
}

function scorePassage(
  theme: IndexedTheme,
  terms: readonly TextTerm[],
  vector: PassageVector,
): { score: number; words: SuggestionWord[] } | undefined {
  const led = new Set<TextTerm>();
  let evidence = 0;
  for (const pattern of theme.patterns) {
    const matched = matchPattern(pattern, terms);
    if (matched === undefined) continue;
    evidence += pattern.weight;
    matched.forEach((term) => led.add(term));
  }
  let dot = 0;
  for (const [term, weight] of vector.weights) {
    const themeWeight = theme.profile.get(term);
    if (themeWeight !== undefined) dot += weight * themeWeight;
  }
  if (evidence === 0 && dot === 0) return undefined;
  for (const term of terms) if (theme.profile.has(term.term)) led.add(term);

  const cosine = theme.norm === 0 || vector.norm === 0 ? 0 : dot / (theme.norm * vector.norm);
  const keywordScore = 1 - Math.exp(-KEYWORD_RATE * evidence);
  const cosineScore = 1 - Math.exp(-cosine / COSINE_SCALE);
  const score = 1 - (1 - keywordScore) * (1 - cosineScore);
  const words = [...led]
    .sort((a, b) => a.start - b.start)
    .map(({ word, start, end }) => ({ text: word, start, end }));
  return { score: Math.round(score * 1000) / 1000, words };
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
