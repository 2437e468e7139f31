/** Makes a switch exhaustive at compile time; reaching it at run time is a programming error. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
