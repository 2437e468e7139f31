// The baseline of `npm run bench:lifecycle`: a workflow with the same activities and timer as a
// draft that expires (an activity, a timer to the deadline, an activity) and nothing else.
import { proxyActivities, sleep } from '@temporalio/workflow';

export interface BareActivities {
  touch(id: string): Promise<void>;
  finish(id: string): Promise<void>;
}

const { touch, finish } = proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

export async function bareLifecycle(id: string, deadline: number): Promise<void> {
  await touch(id);
  const wait = deadline - Date.now();
  if (wait > 0) await sleep(wait);
  await finish(id);
}
