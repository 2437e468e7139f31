/**
 * « Éthique » and « ethique » are one word to a reader who typed without accents: decompose, drop
 * the combining marks, and spell out the ligatures that do not decompose (« œil »).
 */
export function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/Œ/g, 'OE')
    .replace(/Æ/g, 'AE');
}
