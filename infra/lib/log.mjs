// Launcher output: one line per step, with how long it took.
const started = Date.now();

function elapsed(ms) {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function say(message) {
  console.log(`[amiflow] ${message}`);
}

export function warn(message) {
  console.warn(`[amiflow] warning: ${message}`);
}

/** Runs `work`, printing what it does and how long it took. */
export async function step(title, work) {
  const start = Date.now();
  say(`${title}…`);
  const result = await work();
  say(`${title}: done in ${elapsed(Date.now() - start)}`);
  return result;
}

export function sinceStart() {
  return elapsed(Date.now() - started);
}

/** A failure the user can act on: printed without a stack trace. */
export class LaunchError extends Error {}
