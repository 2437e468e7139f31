/**
 * Sends queued items one at a time, in order, beside a workflow's main loop, which goes on
 * deciding and arming its timers meanwhile: a slow recipient (a mail server that stalls) holds
 * up the items behind it, never a deadline. An item leaves the queue once sent, so a run that
 * continues as new carries over what is left. A failure is kept for the main loop to throw.
 */
export function createInOrderSender<Item>(
  queue: Item[],
  send: (item: Item) => Promise<unknown>,
  /** Told when the queue is empty again or the sending failed: the main loop looks again. */
  onIdle: () => void,
) {
  let busy = false;
  let failure: Error | undefined;
  return {
    /** Whether an item is being sent (its activity scheduled and not yet completed). */
    get busy(): boolean {
      return busy;
    },
    /** Throws what the sending failed with, in the caller's own flow. */
    rethrow(): void {
      if (failure !== undefined) throw failure;
    },
    /** Starts sending what is queued, unless it is under way. */
    start(): void {
      if (busy || failure !== undefined || queue.length === 0) return;
      busy = true;
      void (async () => {
        try {
          while (queue.length > 0) {
            await send(queue[0]);
            queue.shift();
          }
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
        } finally {
          busy = false;
          onIdle();
        }
      })();
    },
  };
}
