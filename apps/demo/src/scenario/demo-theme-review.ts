/** A theme the text analysis suggests for a passage of one answer, as the API serves it. */
export interface DemoThemeSuggestion {
  readonly sectionId: string;
  readonly themeId: string;
  /** 0 to 1. */
  readonly score: number;
  /** UTF-16 offsets in the answer's text, `end` excluded. */
  readonly passage: { readonly start: number; readonly end: number };
}

/**
 * The score from which the demo's reviewer accepts a suggestion. The demo's answers are one
 * template (apps/demo/src/scenario/demo-answers.ts): their support-forms answer draws `formation`
 * at about 0.81, their research-needs answer `recherche-partenariats` at about 0.70, so the
 * reviewer accepts the first and turns down the second.
 */
export const DEMO_THEME_THRESHOLD = 0.75;
/** At most this many themes accepted for one answer, the best ones. */
export const DEMO_THEMES_PER_ANSWER = 2;

export interface DemoThemeChoice {
  readonly accepted: readonly DemoThemeSuggestion[];
  /** The weakest suggestion under the threshold, if any: one, so the demo shows a rejection. */
  readonly rejected: readonly DemoThemeSuggestion[];
}

/**
 * What the demo's reviewer does with a dossier's suggestions: accepts each one scoring at least
 * DEMO_THEME_THRESHOLD, at most DEMO_THEMES_PER_ANSWER per answer (best first), rejects the
 * lowest-scoring one under the threshold and leaves the others undecided, as a reader would.
 */
export function chooseDemoThemes(suggestions: readonly DemoThemeSuggestion[]): DemoThemeChoice {
  const best = [...suggestions].sort((a, b) => b.score - a.score);
  const perAnswer = new Map<string, number>();
  const accepted = best.filter((suggestion) => {
    if (suggestion.score < DEMO_THEME_THRESHOLD) return false;
    const taken = perAnswer.get(suggestion.sectionId) ?? 0;
    if (taken >= DEMO_THEMES_PER_ANSWER) return false;
    perAnswer.set(suggestion.sectionId, taken + 1);
    return true;
  });
  const weakest = best.filter((suggestion) => suggestion.score < DEMO_THEME_THRESHOLD).pop();
  return { accepted, rejected: weakest ? [weakest] : [] };
}

/**
 * The tag an accepted suggestion becomes: the same on every run, so that accepting it again after
 * a restart is the same tag (or, if the passage moved, `THEME_TAG_ALREADY_EXISTS`, which the demo
 * ignores). Within the API's business-key rule (64 characters at most).
 */
export function demoTagId(suggestion: Pick<DemoThemeSuggestion, 'sectionId' | 'themeId'>): string {
  return `demo-${suggestion.sectionId}-${suggestion.themeId}`.slice(0, 64).replace(/-+$/, '');
}
