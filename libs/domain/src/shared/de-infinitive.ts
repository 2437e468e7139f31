/** "de" before an infinitive, elided before a vowel: "d'ouvrir", "de publier". */
export function deInfinitive(verb: string): string {
  return /^[aeiouyéèêàâh]/i.test(verb) ? `d'${verb}` : `de ${verb}`;
}
