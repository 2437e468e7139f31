import { TextSpan } from '../french/passages';

/** A word of the text that led to a suggestion, as written, with its offsets. */
export interface SuggestionWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A demand theme the text seems to raise, for an operator to accept or reject; only accepted
 * tags count in the synthesis.
 */
export interface ThemeSuggestion {
  readonly themeId: string;
  /**
   * How strongly the passage points to the theme, from 0 (nothing) to 1: keyword matches and the
   * TF-IDF cosine of the passage with the theme's label, keywords and description, combined.
   * Rounded to three decimals.
   */
  readonly score: number;
  /** The sentence that scored best for the theme: `text.slice(start, end)` is the quote. */
  readonly passage: TextSpan & { readonly text: string };
  /** The words of that passage that matched the theme's keywords or description, in text order. */
  readonly words: readonly SuggestionWord[];
}
