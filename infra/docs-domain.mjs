// `npm run docs:domain`: writes the generated pages of docs/domain/ (phases, statuses, events,
// refusals, the reference campaign) from the domain's exports, by running their unit test in
// write mode (test/docs/domain-docs.spec.ts): the test that fails when a committed page differs.
import { join } from 'node:path';
import { workspaceRoot } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';

await run(
  process.execPath,
  [
    join(workspaceRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    'unit',
    '--runTestsByPath',
    join(workspaceRoot, 'test', 'docs', 'domain-docs.spec.ts'),
  ],
  { cwd: workspaceRoot, env: { ...process.env, AMIFLOW_WRITE_DOCS: '1' } },
);
