import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { step } from './lib/log.mjs';
import { workspaceRoot } from './lib/paths.mjs';
import { run } from './lib/processes.mjs';

export const distDir = join(workspaceRoot, 'dist');
export const workflowBundlePath = join(distDir, 'workflow-bundle.js');
export const aliasHook = join(workspaceRoot, 'infra', 'runtime', 'register-aliases.cjs');

/**
 * Compiles the apps into dist/, prebuilds the workflow bundle the worker runs in production, and
 * builds the operators' console (Vite) into dist/console, which the API serves under /console/,
 * and the campaign page's prerendering into dist/console-prerender, which the API runs.
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
  await step('Building the console (Vite)', () => viteBuild('vite.config.ts'));
  await step("Building the campaign page's prerendering (Vite, for the API)", () =>
    viteBuild('vite.prerender.config.ts'),
  );
  await step('Compressing the console (brotli, gzip)', async () =>
    precompress(join(distDir, 'console')),
  );
}

/** Builds with one of the console's Vite configurations (apps/console/<config>). */
function viteBuild(config) {
  return run(
    join(workspaceRoot, 'node_modules', '.bin', 'vite'),
    ['build', '--config', join(workspaceRoot, 'apps', 'console', config), '--logLevel', 'warn'],
    { cwd: workspaceRoot },
  );
}

/**
 * Writes a .br and a .gz beside each text file of the console (scripts, styles, HTML, SVG), which
 * the API sends to browsers that accept them (@fastify/static's preCompressed): a first visit
 * loads about a quarter of the bytes, without compressing on every request.
 */
function precompress(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const content = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  }
}

// `npm run build`
if (import.meta.url === `file://${process.argv[1]}`) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
