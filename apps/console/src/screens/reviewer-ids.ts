/** What the reviewer routes accept (apps/api reviews.inputs.ts): 1 to 50 ids of 1 to 200 characters. */
export const MAX_REVIEWERS = 50;
const MAX_ID_LENGTH = 200;

/**
 * The reviewers' identifiers (the `sub` of their tokens) typed in one field, separated by commas,
 * semicolons, spaces or new lines, each once in the order typed; or what to correct, in French.
 */
export function parseReviewerIds(typed: string): string[] | string {
  const ids = [...new Set(typed.split(/[\s,;]+/).filter(Boolean))];
  if (ids.length === 0) return 'Indiquez au moins un identifiant d’évaluateur.';
  if (ids.length > MAX_REVIEWERS) {
    return `Au plus ${MAX_REVIEWERS} évaluateurs à la fois (${ids.length} indiqués).`;
  }
  const tooLong = ids.filter((id) => id.length > MAX_ID_LENGTH);
  if (tooLong.length) {
    return `Un identifiant d’évaluateur compte au plus ${MAX_ID_LENGTH} caractères : ${tooLong.map((id) => `${id.slice(0, 20)}…`).join(', ')}.`;
  }
  return ids;
}

/**
 * How many dossiers an automatic assignment gave each reviewer: every reviewer asked for, those
 * given none included, in the order typed.
 */
export function loadByReviewer(
  reviewerIds: readonly string[],
  assignments: readonly { reviewerIds: readonly string[] }[],
): { reviewerId: string; dossiers: number }[] {
  const load = new Map<string, number>(reviewerIds.map((id) => [id, 0]));
  for (const assignment of assignments) {
    for (const id of assignment.reviewerIds) load.set(id, (load.get(id) ?? 0) + 1);
  }
  return [...load].map(([reviewerId, dossiers]) => ({ reviewerId, dossiers }));
}
