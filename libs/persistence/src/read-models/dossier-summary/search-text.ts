/**
 * Letters that Unicode does not decompose into a base letter and an accent, written as French
 * (and its neighbours) spell them without: the ligatures œ and æ, the German ß, and a few
 * stroked letters of names (ø, đ, ł). ﬁ, ﬂ and ĳ need nothing here: compatibility decomposition
 * already splits them.
 */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
};

const COMBINING_MARKS = /\p{M}/gu;
const UNDECOMPOSABLE_LETTERS = /[œæßøđł]/g;

/**
 * The form in which names and professions are searched: lower case, without accents or other
 * combining marks, ligatures spelt out (« Œuvre » → « oeuvre », « Fédération » → « federation »,
 * « PÉDIATRIE » → « pediatrie »). Applied identically to the stored text (by the dossier summary
 * projection) and to what operators type (by the list query), so that case, accents and
 * ligatures never decide a match — démarches-simplifiées' search ignores them too (issue 10,
 * fault 8). Spaces and punctuation are kept: the search is still by substring.
 */
export function searchText(text: string): string {
  // Lower case first: it can itself produce a combining mark (« İ » → « i̇ »).
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_LETTERS, (letter) => UNDECOMPOSABLE[letter]);
}
