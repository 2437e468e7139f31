/**
 * Waiting on the real system: the one polling helper of the cross-project tests (every e2e,
 * lifecycle and browser spec waits through it, so a timeout always reads the same way).
 */

/**
 * Polls until `check` returns a value other than undefined; fails with `what` after the time,
 * followed by `detail()` when given (e.g. the processes' output, to see why it never came).
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  detail?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${detail ? `:\n${detail()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the wall clock reaches `at`. */
export async function until(at: string | number): Promise<void> {
  const delay = (typeof at === 'number' ? at : Date.parse(at)) - Date.now();
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}
