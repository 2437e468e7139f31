import type { QuestionnaireSection } from './questionnaire-section.schema';

export type { QuestionnaireSection } from './questionnaire-section.schema';

/** Answers by section id. */
export type Answers = Readonly<Record<string, string>>;

export interface Completeness {
  readonly answeredSections: number;
  readonly totalSections: number;
  readonly answeredRequired: number;
  readonly totalRequired: number;
  readonly missingRequiredSectionIds: readonly string[];
  /** Answered sections out of all of them, as a whole percentage rounded down. */
  readonly percent: number;
}

export function isAnswered(answer: string | undefined): boolean {
  return answer !== undefined && answer.trim() !== '';
}

export function computeCompleteness(
  sections: readonly Pick<QuestionnaireSection, 'id' | 'required'>[],
  answers: Answers,
): Completeness {
  const answered = sections.filter((section) => isAnswered(answers[section.id]));
  const required = sections.filter((section) => section.required);
  const missingRequired = required.filter((section) => !isAnswered(answers[section.id]));
  return {
    answeredSections: answered.length,
    totalSections: sections.length,
    answeredRequired: required.length - missingRequired.length,
    totalRequired: required.length,
    missingRequiredSectionIds: missingRequired.map((section) => section.id),
    percent: sections.length === 0 ? 100 : Math.floor((answered.length * 100) / sections.length),
  };
}
