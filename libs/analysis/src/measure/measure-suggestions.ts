import { referenceThemeTaxonomy, ThemeTaxonomy } from '@amiflow/domain';
import { createThemeSuggester, ThemeSuggesterOptions } from '../suggestions/theme-suggester';

/** A text and the themes a reader found in it (theme ids; none is a valid answer). */
export interface LabelledText {
  readonly text: string;
  readonly themes: readonly string[];
}

/** Micro-averaged over every (text, theme) pair: each suggestion or label counts once. */
export interface SuggestionMeasure {
  /** Right suggestions out of all suggestions; 1 when nothing was suggested. */
  readonly precision: number;
  /** Labels suggested out of all labels; 1 when nothing was labelled. */
  readonly recall: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
}

/**
 * How well the suggestions at the threshold match the labels: the figures reported for the
 * labelled set, and what the synthesis benchmark prints. The reference campaign's themes unless
 * another taxonomy is given.
 */
export function measureSuggestions(
  labelledSet: readonly LabelledText[],
  taxonomy: ThemeTaxonomy = referenceThemeTaxonomy,
  options: ThemeSuggesterOptions = {},
): SuggestionMeasure {
  const suggester = createThemeSuggester(taxonomy, options);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { text, themes } of labelledSet) {
    const truth = new Set(themes);
    const suggested = new Set(suggester.suggest(text).map(({ themeId }) => themeId));
    for (const themeId of suggested) {
      if (truth.has(themeId)) truePositives += 1;
      else falsePositives += 1;
    }
    for (const themeId of truth) if (!suggested.has(themeId)) falseNegatives += 1;
  }
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  return {
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}
