/** One thing wrong with a definition: where, and what, in French. */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}
