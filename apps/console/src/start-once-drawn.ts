import type { QueryClient } from '@tanstack/react-query';

export interface StartOnceDrawnOptions {
  /** Runs its callback once the browser has painted what React last rendered. */
  afterPaint?: (callback: () => void) => void;
  /** When to start even if some answer is still awaited (a slow or polled screen). */
  timeoutMs?: number;
}

/** After the next frame is painted: a task queued from the frame's own callback runs after it. */
const afterNextPaint = (callback: () => void) =>
  requestAnimationFrame(() => {
    setTimeout(callback, 0);
  });

/**
 * Calls `start` once, when the first screen is drawn with its answers: after a first paint, the
 * first time no query of `queryClient` is fetching (and that screen painted), or after
 * `timeoutMs` at the latest. For work the first screen does not need, which would otherwise take
 * the main thread while that screen's script runs and its answers are rendered. Called once the
 * first screen is committed (its queries under way).
 *
 * @returns what cancels it, if it has not started yet.
 */
export function startOnceDrawn(
  queryClient: QueryClient,
  start: () => void,
  { afterPaint = afterNextPaint, timeoutMs = 3_000 }: StartOnceDrawnOptions = {},
): () => void {
  let started = false;
  const startOnce = () => {
    if (started) return;
    started = true;
    unsubscribe();
    clearTimeout(timer);
    start();
  };
  const settled = () => !started && queryClient.isFetching() === 0;
  // Checked again once painted: a screen may ask for more once its first answers are drawn.
  const startIfSettled = () => {
    if (settled()) afterPaint(() => settled() && startOnce());
  };
  let painted = false;
  const unsubscribe = queryClient.getQueryCache().subscribe(() => {
    if (painted) startIfSettled();
  });
  const timer = setTimeout(startOnce, timeoutMs);
  afterPaint(() => {
    painted = true;
    if (settled()) startOnce();
  });
  return () => {
    started = true;
    unsubscribe();
    clearTimeout(timer);
  };
}
