import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { step } from './lib/log.mjs';
import { workspaceRoot } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';

export const distDir = join(workspaceRoot, 'dist');
export const workflowBundlePath = join(distDir, 'workflow-bundle.js');
export const aliasHook = join(workspaceRoot, 'infra', 'runtime', 'register-aliases.cjs');

/**
 * Compiles the apps into dist/, prebuilds the workflow bundle the worker runs in production, and
 * builds the operators' console (Vite) into dist/console, which the API serves under /console/.
 */
export async function build() {
  rmSync(distDir, { recursive: true, force: true });
  await step('Compiling TypeScript into dist/', () =>
    run(join(workspaceRoot, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: workspaceRoot,
    }),
  );
  await step('Bundling the workflows', () =>
    run(
      process.execPath,
      [
        '-r',
        aliasHook,
        join(distDir, 'apps/worker/src/workflow-bundle/build-workflow-bundle.js'),
        workflowBundlePath,
      ],
      {
        cwd: workspaceRoot,
      },
    ),
  );
  await step('Building the console (Vite)', () =>
    run(
      join(workspaceRoot, 'node_modules', '.bin', 'vite'),
      [
        'build',
        '--config',
        join(workspaceRoot, 'apps', 'console', 'vite.config.ts'),
        '--logLevel',
        'warn',
      ],
      { cwd: workspaceRoot },
    ),
  );
}

// `npm run build`
if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
