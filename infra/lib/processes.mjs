import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { LaunchError } from './log.mjs';

/** Runs a command to completion, inheriting the terminal; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new LaunchError(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`),
        );
    });
  });
}

/** Runs a command and returns its standard output; rejects with its error output on failure. */
export function capture(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')}: ${err.trim() || `exit ${code}`}`)),
    );
  });
}

/** A port nobody listens on right now, on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function isListening(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 250, alive } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (alive && !alive()) throw new LaunchError(`${what}: the process exited while starting`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new LaunchError(`${what}: not ready after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Long-running children, each in its own process group so that Ctrl-C reaches the launcher
 * only, and the launcher stops them in reverse order of start.
 */
export class Supervisor {
  #children = [];
  #stopping = false;

  start(name, command, args, options = {}) {
    const child = spawn(command, args, { detached: true, ...options });
    const entry = { name, child, exited: false };
    child.on('exit', (code, signal) => {
      entry.exited = true;
      entry.exit = { code, signal };
      if (!this.#stopping && this.onUnexpectedExit) this.onUnexpectedExit(name, code, signal);
    });
    this.#children.push(entry);
    return child;
  }

  isAlive(child) {
    return this.#children.some((entry) => entry.child === child && !entry.exited);
  }

  /** SIGTERM, then SIGKILL after the grace period, youngest child first. */
  async stopAll(graceMs = 15_000) {
    this.#stopping = true;
    for (const entry of [...this.#children].reverse()) {
      if (entry.exited) continue;
      await new Promise((resolve) => {
        const timer = setTimeout(() => signalGroup(entry.child, 'SIGKILL'), graceMs);
        entry.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        signalGroup(entry.child, 'SIGTERM');
      });
    }
  }
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
