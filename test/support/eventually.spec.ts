import { eventually, until } from './eventually';

describe('eventually', () => {
  it('returns the first value the check gives other than undefined, false included', async () => {
    let calls = 0;
    const value = await eventually('a third call', () =>
      Promise.resolve(++calls < 3 ? undefined : false),
    );
    expect(value).toBe(false);
    expect(calls).toBe(3);
  });

  it('fails after the time, naming what it waited for and adding the detail', async () => {
    await expect(
      eventually(
        'a value that never comes',
        () => Promise.resolve(undefined),
        250,
        () => 'log',
      ),
    ).rejects.toThrow('Timed out waiting for a value that never comes:\nlog');
  });
});

describe('until', () => {
  it('waits until the wall clock reaches the instant', async () => {
    const at = Date.now() + 200;
    await until(new Date(at).toISOString());
    // Node's timers round to the millisecond and may fire up to 1 ms early.
    expect(Date.now()).toBeGreaterThanOrEqual(at - 1);
  });
});
