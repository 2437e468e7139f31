import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './log.mjs';

const POLL_MS = 1_000;

/**
 * Runs `build` while holding `<folder>/.lock`, a directory that names its holder's pid, so that
 * processes started side by side on a fresh machine (`npm start` beside `npm test`, several test
 * runs) build a Go program once instead of each compiling it at the same time. A process that
 * finds the lock held by a live process waits for it, then calls `build` itself: `build` must
 * first check whether the program exists by then. A lock left by a process that died is taken over.
 */
export async function withBuildLock(folder, what, build) {
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, '.lock');
  const owner = join(lock, 'pid');
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number(readQuietly(owner));
      if (holder && isAlive(holder)) {
        if (!announced) say(`Waiting for process ${holder}, which is building ${what}…`);
        announced = true;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      } else if (!holder && !announced) {
        // Created an instant ago, its pid not yet written: look again shortly.
        announced = true;
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else {
        rmSync(lock, { recursive: true, force: true });
      }
    }
  }
  try {
    return await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function readQuietly(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
