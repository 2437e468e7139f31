/** A score out of 20 (or a spread) the French way, at most two decimals: « 18,13 ». */
export function formatScore(score: number): string {
  return score.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}
