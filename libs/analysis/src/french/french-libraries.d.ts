// Neither library ships types; these declare the little of each that the analysis uses.

declare module 'snowball-stemmers' {
  export interface SnowballStemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): SnowballStemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  /** French stop words: the Snowball project's list, lower-case, accented. */
  export const fra: readonly string[];
}
