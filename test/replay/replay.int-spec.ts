import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

const histories = join(__dirname, 'histories');
const bundle = join(__dirname, '..', '..', 'dist', 'workflow-bundle.js');
const files = readdirSync(histories)
  .filter((file) => file.endsWith('.binpb'))
  .sort();

/**
 * Histories recorded from real runs of every branch (RECORD_HISTORIES=1 npm test -- test/lifecycle)
 * replayed against the current workflow code: a change that would make a running workflow take
 * another path fails here. Such a change goes behind `patched()` (see docs/versioning.md).
 */
describe('replaying recorded workflow histories against the current code', () => {
  beforeAll(() => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: npm test builds it`);
  });

  it('has a history for every branch it stands for', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  // Each replay starts a replay worker that loads the whole bundle into a fresh V8 context:
  // CPU-bound, a second alone and several on a loaded 2-core machine. What is asserted is
  // determinism, so the bound is generous rather than jest's default 5 s.
  it.each(files)(
    'replays %s without nondeterminism',
    async (file) => {
      const history = temporal.api.history.v1.History.decode(readFileSync(join(histories, file)));
      await expect(
        Worker.runReplayHistory(
          { workflowBundle: { codePath: bundle }, replayName: file },
          history,
        ),
      ).resolves.toBeUndefined();
    },
    30_000,
  );
});
