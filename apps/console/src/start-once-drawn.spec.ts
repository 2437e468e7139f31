import { QueryClient } from '@tanstack/react-query';
import { startOnceDrawn } from './start-once-drawn';

/** Frames painted on demand: each callback waits for `paint()`. */
function frames() {
  let waiting: (() => void)[] = [];
  return {
    afterPaint: (callback: () => void) => waiting.push(callback),
    paint: () => {
      const now = waiting;
      waiting = [];
      now.forEach((callback) => callback());
    },
  };
}

/** An answer the test gives when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('work that waits until the first screen is drawn with its answers', () => {
  let client: QueryClient;
  beforeEach(() => {
    client = new QueryClient();
  });
  afterEach(() => client.clear());

  it('starts once the screen’s answers have come and been painted, not before', async () => {
    const { afterPaint, paint } = frames();
    const answer = deferred<string>();
    void client.fetchQuery({ queryKey: ['campaign'], queryFn: () => answer.promise });
    const start = jest.fn();
    const cancel = startOnceDrawn(client, start, { afterPaint, timeoutMs: 60_000 });

    paint();
    paint();
    expect(start).not.toHaveBeenCalled();

    answer.resolve('campagne');
    await settle();
    expect(start).not.toHaveBeenCalled();
    paint();
    expect(start).toHaveBeenCalledTimes(1);
    paint();
    expect(start).toHaveBeenCalledTimes(1);
    cancel();
  });

  it('starts after the first paint when the screen asks for nothing', () => {
    const { afterPaint, paint } = frames();
    const start = jest.fn();
    const cancel = startOnceDrawn(client, start, { afterPaint, timeoutMs: 60_000 });
    expect(start).not.toHaveBeenCalled();
    paint();
    expect(start).toHaveBeenCalledTimes(1);
    cancel();
  });

  it('waits again when the screen asks for more between its answers and the paint', async () => {
    const { afterPaint, paint } = frames();
    const first = deferred<string>();
    const second = deferred<string>();
    void client.fetchQuery({ queryKey: ['campaign'], queryFn: () => first.promise });
    const start = jest.fn();
    const cancel = startOnceDrawn(client, start, { afterPaint, timeoutMs: 60_000 });
    paint();

    first.resolve('campagne');
    await settle();
    void client.fetchQuery({ queryKey: ['dossiers'], queryFn: () => second.promise });
    paint();
    expect(start).not.toHaveBeenCalled();

    second.resolve('dossiers');
    await settle();
    paint();
    expect(start).toHaveBeenCalledTimes(1);
    cancel();
  });

  it('starts after its time at the latest, when an answer never comes', async () => {
    const { afterPaint, paint } = frames();
    client
      .fetchQuery({ queryKey: ['campaign'], queryFn: () => new Promise<never>(() => {}) })
      .catch(() => undefined); // cancelled by client.clear()
    const start = jest.fn();
    startOnceDrawn(client, start, { afterPaint, timeoutMs: 20 });
    paint();
    expect(start).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('does not start once cancelled (the effect cleaned up)', async () => {
    const { afterPaint, paint } = frames();
    const start = jest.fn();
    startOnceDrawn(client, start, { afterPaint, timeoutMs: 20 })();
    paint();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(start).not.toHaveBeenCalled();
  });
});
