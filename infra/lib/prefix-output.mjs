import { createInterface } from 'node:readline';

/** Copies a child's output to ours, each line tagged with the child's name. */
export function prefixOutput(child, name) {
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => target.write(`[${name}] ${line}\n`));
  }
}
