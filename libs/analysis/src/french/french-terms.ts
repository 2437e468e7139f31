import { newStemmer } from 'snowball-stemmers';
import { fra } from 'stopword';
import { foldAccents } from './fold-accents';

/** A word of the text kept for analysis: where it is, as written, and the term it counts as. */
export interface TextTerm {
  /** The word as written in the text. */
  readonly word: string;
  /** Character offsets into the text: `text.slice(start, end) === word`. */
  readonly start: number;
  readonly end: number;
  /**
   * Its Snowball French stem, lower-case and without accents: what similarity compares. Snowball
   * merges whole word families, and sometimes more (« équipes » and « équipement », « données »
   * and « donner »).
   */
  readonly term: string;
  /**
   * The word lower-case, without accents, plural and feminine endings: what keywords are matched
   * on, because a keyword is precise evidence and should not match another family's word.
   */
  readonly form: string;
}

// Letters and digits make words; an apostrophe (straight or typographic) ends one, so the elided
// article of « l'accès » is a word of its own and falls with the stop words; so does a hyphen.
const WORD = /[\p{L}\p{N}]+/gu;

const stemmer = newStemmer('french');
const stopWords = new Set([...fra, ...fra.map(foldAccents)]);

/** What a lower-cased word counts as, or null for a stop word. */
type WordAnalysis = { readonly term: string; readonly form: string } | null;

// A memo, not a cache of results that could change: a word's analysis is fixed. A campaign's
// answers reuse a few thousand words, and folding and stemming each occurrence was most of the
// time taken. Bounded so that a very large corpus cannot grow it without end.
const analysed = new Map<string, WordAnalysis>();
const MEMO_LIMIT = 200_000;

/**
 * The analysed words of a French text, in order: lower-cased, stop words and one-letter words
 * dropped, stemmed by the Snowball French algorithm (which reads accents, so it runs before they
 * are folded), then folded. Pure, and the same text always gives the same terms.
 */
export function frenchTerms(text: string): TextTerm[] {
  const terms: TextTerm[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const analysis = analyseWord(word.toLowerCase());
    if (analysis === null) continue;
    const start = match.index;
    terms.push({ word, start, end: start + word.length, ...analysis });
  }
  return terms;
}

function analyseWord(lower: string): WordAnalysis {
  let analysis = analysed.get(lower);
  if (analysis !== undefined) return analysis;
  const folded = foldAccents(lower);
  analysis =
    lower.length < 2 || stopWords.has(lower) || stopWords.has(folded)
      ? null
      : { term: foldAccents(stemmer.stem(lower)), form: minimalForm(folded) };
  if (analysed.size < MEMO_LIMIT) analysed.set(lower, analysis);
  return analysis;
}

/**
 * Plural and feminine endings removed from a folded word: « médicaux » → « medical »,
 * « structurées » → « structur », « données » → « donn », « former » unchanged.
 */
export function minimalForm(folded: string): string {
  let form = folded;
  if (form.length > 4 && form.endsWith('aux')) form = `${form.slice(0, -3)}al`;
  if (form.length > 3 && (form.endsWith('s') || form.endsWith('x'))) form = form.slice(0, -1);
  for (let strip = 0; strip < 2 && form.length > 3 && form.endsWith('e'); strip += 1) {
    form = form.slice(0, -1);
  }
  return form;
}
