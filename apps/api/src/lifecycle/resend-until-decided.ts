import { randomUUID } from 'node:crypto';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** Between two sends of the same update: the server is busy, not gone. */
const PAUSE_MS = 1000;

/**
 * Sends an update under one update ID, and sends it again under the same ID each time the call
 * times out (`WorkflowUpdateRPCTimeoutOrCancelledError`), until `waitMs` milliseconds have passed
 * since the first send; then rethrows (the API answers 503, see workflow-failure.ts).
 *
 * Why: behind a burst of timers (a thousand drafts reaching a shared deadline), an update waits
 * its turn in the task queue longer than one call lasts. Temporal deduplicates updates by ID
 * within a run (an admitted or completed update with the same ID answers with that update's
 * outcome), so a resend never applies a command twice; the caller gets the decision late rather
 * than "maybe applied". Any other error is rethrown at once.
 */
export async function resendUntilDecided<T>(
  send: (updateId: string) => Promise<T>,
  waitMs: number,
  clock: { now(): number; pause(ms: number): Promise<void> } = realClock,
): Promise<T> {
  const updateId = randomUUID();
  const giveUpAt = clock.now() + waitMs;
  for (;;) {
    try {
      return await send(updateId);
    } catch (error) {
      const timedOut = error instanceof WorkflowUpdateRPCTimeoutOrCancelledError;
      if (!timedOut || clock.now() + PAUSE_MS >= giveUpAt) throw error;
      await clock.pause(PAUSE_MS);
    }
  }
}

const realClock = {
  now: () => Date.now(),
  pause: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};
