import { Answers } from '../questionnaire/questionnaire';

/** The answers with `changes` applied: a blank text clears its section. */
export function mergeAnswers(answers: Answers, changes: Answers): Answers {
  const merged: Record<string, string> = { ...answers };
  for (const [id, text] of Object.entries(changes)) {
    if (text.trim() === '') delete merged[id];
    else merged[id] = text;
  }
  return merged;
}
