// The baseline of `npm run bench:lifecycle`: a workflow with the same activities and timer as a
// draft that expires (an activity, a timer to the deadline, an activity) and nothing else. Its
// deadline comes by signal once every workflow has started, as a dossier's comes by the
// campaign's calendar change.
import { condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

export interface BareActivities {
  touch(id: string): Promise<void>;
  finish(id: string): Promise<void>;
}

const { touch, finish } = proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

/** The deadline, epoch ms. */
export const deadlineSignal = defineSignal<[number]>('deadline');

export async function bareLifecycle(id: string): Promise<void> {
  let deadline: number | undefined;
  setHandler(deadlineSignal, (at) => {
    deadline = at;
  });
  await touch(id);
  await condition(() => deadline !== undefined);
  const wait = (deadline as number) - Date.now();
  if (wait > 0) await sleep(wait);
  await finish(id);
}
