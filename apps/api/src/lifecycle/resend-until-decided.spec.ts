import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { resendUntilDecided } from './resend-until-decided';

/** A clock that only moves when paused: the test decides how long each call "took". */
function fakeClock() {
  let now = 0;
  return {
    clock: {
      now: () => now,
      pause: (ms: number) => {
        now += ms;
        return Promise.resolve();
      },
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const timedOut = () => new WorkflowUpdateRPCTimeoutOrCancelledError('deadline exceeded');

describe('resendUntilDecided', () => {
  it('sends the same update ID again after a timeout and returns the decision', async () => {
    const { clock, advance } = fakeClock();
    const ids: string[] = [];
    const result = await resendUntilDecided(
      (updateId) => {
        ids.push(updateId);
        advance(20_000);
        return ids.length < 3 ? Promise.reject(timedOut()) : Promise.resolve('decided');
      },
      60_000,
      clock,
    );
    expect(result).toBe('decided');
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('gives up with the timeout once the wait is spent', async () => {
    const { clock, advance } = fakeClock();
    let sends = 0;
    await expect(
      resendUntilDecided(
        () => {
          sends++;
          advance(20_000);
          return Promise.reject(timedOut());
        },
        60_000,
        clock,
      ),
    ).rejects.toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError);
    // 20 s, pause, 20 s, pause, 20 s: the third ends past the minute.
    expect(sends).toBe(3);
  });

  it('rethrows any other error at once, without sending again', async () => {
    const { clock } = fakeClock();
    let sends = 0;
    const refusal = new Error('refused');
    await expect(
      resendUntilDecided(
        () => {
          sends++;
          return Promise.reject(refusal);
        },
        60_000,
        clock,
      ),
    ).rejects.toBe(refusal);
    expect(sends).toBe(1);
  });

  it('gives each command its own update ID', async () => {
    const { clock } = fakeClock();
    const first = await resendUntilDecided((id) => Promise.resolve(id), 60_000, clock);
    const second = await resendUntilDecided((id) => Promise.resolve(id), 60_000, clock);
    expect(first).not.toBe(second);
  });
});
