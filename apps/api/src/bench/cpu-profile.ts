import { Session } from 'node:inspector/promises';

/** V8's CPU profile (what `node --cpu-prof` writes), as far as the summary reads it. */
export interface CpuProfile {
  readonly nodes: {
    readonly id: number;
    readonly callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/**
 * Profiles this thread (the API's, when the load comes from a worker thread) while `work` runs:
 * V8's sampling profiler through the inspector, so the profile covers one route's load and not
 * the seeding before it.
 */
export async function profileDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile: profile as unknown as CpuProfile };
  } finally {
    session.disconnect();
  }
}

/**
 * The share of samples spent in each package (or our own code, `amiflow`), by self time: where
 * a request's CPU goes, in the words of the components that spend it.
 */
export function selfTimeByPackage(profile: CpuProfile): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byPackage = new Map<string, number>();
  for (const sample of profile.samples) {
    const frame = nodes.get(sample)?.callFrame;
    const name = frame ? packageOf(frame) : '(unknown)';
    byPackage.set(name, (byPackage.get(name) ?? 0) + 1);
  }
  return [...byPackage]
    .map(([name, count]): [string, number] => [name, count / profile.samples.length])
    .sort((a, b) => b[1] - a[1]);
}

/** The functions with the most self time, as `name (file:line)`. */
export function topSelfTime(profile: CpuProfile, count: number): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  for (const sample of profile.samples) {
    const frame = nodes.get(sample)?.callFrame;
    const name = frame
      ? `${frame.functionName || '(anonymous)'} (${shortUrl(frame.url)}:${frame.lineNumber + 1})`
      : '(unknown)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
  }
  return [...byFunction]
    .map(([name, hits]): [string, number] => [name, hits / profile.samples.length])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

function packageOf(frame: { functionName: string; url: string }): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (inModules) return inModules[1];
  if (frame.url.startsWith('node:')) return 'node';
  if (frame.url.includes('/dist/')) return 'amiflow';
  return frame.url;
}

function shortUrl(url: string): string {
  const inModules = /node_modules\/(.*)$/.exec(url);
  if (inModules) return inModules[1];
  const inDist = /\/dist\/(.*)$/.exec(url);
  return inDist ? inDist[1] : url;
}
