import { condition } from '@temporalio/workflow';

/**
 * Sleeps until `at` (epoch ms), or until `changed()` becomes true, whichever comes first; with
 * no `at`, only a change wakes it. Timers are exact: never jittered, never early.
 */
export async function sleepUntilChangeOr(
  at: number | undefined,
  changed: () => boolean,
): Promise<void> {
  if (at === undefined) {
    await condition(changed);
    return;
  }
  const delay = at - Date.now();
  if (delay > 0) await condition(changed, delay);
}
