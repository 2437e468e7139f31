import { Context } from '@temporalio/activity';

/**
 * Between two mails of a long delivery: tells Temporal the activity is alive (so a lost worker is
 * noticed at the heartbeat timeout, not at the end of a long start-to-close) and stops when the
 * activity was cancelled. Called outside an activity (a script, a direct test), it does nothing.
 */
export function reportProgress(details: string): void {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return;
  }
  context.heartbeat(details);
  context.cancellationSignal.throwIfAborted();
}
