import { existsSync } from 'node:fs';
import { warn } from '../lib/log.mjs';
import { run } from '../lib/processes.mjs';

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive (playwright-core downloads no browser): CHROMIUM_PATH, else
 * Debian's package, installed with apt-get when it is missing and this process runs as root.
 * Otherwise says what to do, and resolves undefined: the browser tests then fail saying the same.
 *
 * @returns the executable's path, or undefined when there is none.
 */
export async function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || DEFAULT_PATH;
  if (existsSync(path)) return path;
  if (process.env.CHROMIUM_PATH) {
    warn(`CHROMIUM_PATH=${path} does not exist: the browser tests will fail`);
    return undefined;
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    warn(
      'Chromium is missing and cannot be installed from here: run `sudo apt-get install -y chromium` ' +
        '(Debian, Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome; the browser tests need it',
    );
    return undefined;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env });
  return existsSync(DEFAULT_PATH) ? DEFAULT_PATH : undefined;
}
