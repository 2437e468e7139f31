/**
 * Update handlers interleave at every await. Deciding and appending must not: each command is
 * decided against the state left by the previous one. Call once per workflow execution.
 */
export function createSerialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}
