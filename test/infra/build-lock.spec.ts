import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const lockModule = pathToFileURL(
  join(__dirname, '..', '..', 'infra', 'lib', 'build-lock.mjs'),
).href;

/**
 * One process as `ensureTemporalCli` behaves: under the lock, builds the "program" (a file,
 * written after 300 ms) unless it exists, and logs when its build starts and ends.
 */
function ensureProgram(folder: string): Promise<unknown> {
  const script = `
    import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
    import { withBuildLock } from ${JSON.stringify(lockModule)};
    const folder = ${JSON.stringify(folder)};
    const program = folder + '/program';
    await withBuildLock(folder, 'the program', async () => {
      if (existsSync(program)) return;
      appendFileSync(folder + '/log', 'start ' + process.pid + '\\n');
      await new Promise((resolve) => setTimeout(resolve, 300));
      writeFileSync(program, 'built');
      appendFileSync(folder + '/log', 'end ' + process.pid + '\\n');
    });
  `;
  return promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
}

// Each test starts Node processes, a few seconds on a loaded machine.
jest.setTimeout(30_000);

describe('the build lock around the Temporal builds', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'amiflow-build-lock-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('has processes started side by side build once, the others waiting for it', async () => {
    await Promise.all([ensureProgram(folder), ensureProgram(folder), ensureProgram(folder)]);
    const log = readFileSync(join(folder, 'log'), 'utf8').trim().split('\n');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^start \d+$/);
    expect(log[1]).toBe(log[0].replace('start', 'end'));
    expect(existsSync(join(folder, '.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    mkdirSync(join(folder, '.lock'));
    // A pid above Linux's maximum (2^22) belongs to no process.
    writeFileSync(join(folder, '.lock', 'pid'), String(2 ** 22 + 1));
    await ensureProgram(folder);
    expect(readFileSync(join(folder, 'program'), 'utf8')).toBe('built');
  });
});
