import { createThemeSuggester, ThemeSuggester } from '@amiflow/analysis';
import type { SupportForm } from '@amiflow/domain';
import type { DossierAnswersRow } from '@amiflow/persistence';

/**
 * Support forms' labels share words (« financement », « recherche », « ouverts »): at the themes'
 * threshold (0.45) a wish for research projects also suggested the challenges (0.66). A form's own
 * phrase scores above 0.9 and a shared word alone below 0.7 on the reference campaign's forms.
 */
export const WISHED_THRESHOLD = 0.8;

/**
 * The campaign's support forms read as themes, so that the text analysis (libs/analysis) finds
 * those an answer wishes for: the label is the description, and its pieces between commas and
 * brackets the keywords (« Subventions directes aux organisations (personnels, études…) »).
 */
export function supportFormSuggester(forms: readonly SupportForm[]): ThemeSuggester {
  return createThemeSuggester(
    {
      themes: forms.map(({ id, label }) => ({
        id,
        label,
        description: label,
        keywords: label
          .split(/[(),;]/)
          .map((piece) => piece.trim())
          .filter((piece) => piece.length > 0),
      })),
    },
    { threshold: WISHED_THRESHOLD },
  );
}

/**
 * How many dossiers wish for each support form: those whose answers (any section) the analysis
 * finds it in. An estimate, as the suggestions are; counted once per dossier.
 */
export function wishedSupportForms(
  forms: readonly SupportForm[],
  dossiers: readonly DossierAnswersRow[],
): Map<string, number> {
  const wished = new Map<string, number>(forms.map((form) => [form.id, 0]));
  if (forms.length === 0) return wished;
  const suggester = supportFormSuggester(forms);
  for (const dossier of dossiers) {
    const found = new Set(suggester.suggestForAnswers(dossier.answers).map((s) => s.themeId));
    for (const id of found) wished.set(id, (wished.get(id) ?? 0) + 1);
  }
  return wished;
}
