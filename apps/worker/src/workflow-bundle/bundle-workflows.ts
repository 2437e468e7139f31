import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import type { Logger } from '@temporalio/common';
import { workspaceRoot } from './workspace-root';

interface TsConfigPaths {
  compilerOptions: { paths: Record<string, string[]> };
}

/**
 * Temporal's webpack does not read tsconfig paths: give it the workspace aliases
 * (`@amiflow/domain` → libs/domain/src/index.ts) so workflow code imports libs as it does
 * everywhere else.
 */
export function workspaceAliases(root: string = workspaceRoot()): Record<string, string> {
  const tsconfig = JSON.parse(
    readFileSync(join(root, 'tsconfig.base.json'), 'utf8'),
  ) as TsConfigPaths;
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
      `${alias}$`,
      join(root, target),
    ]),
  );
}

/**
 * Modules with no per-workflow state, loaded before any workflow runs and frozen by the SDK: a
 * workflow that wrote to one of their objects would throw rather than leak into another.
 */
const SHARED_MODULES = ['@amiflow/domain', '@amiflow/contracts'];

/** Webpack's statistics are noise unless something goes wrong: warnings and errors only. */
export async function bundleWorkflows(logger: Logger = new DefaultLogger('WARN')): Promise<string> {
  const root = workspaceRoot();
  const aliases = workspaceAliases(root);
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(root, 'workflows', 'src', 'index.ts'),
    logger,
    // Evaluated once and shared by every workflow the worker holds (reuseV8Context), not once per
    // workflow: the domain's rules and the contracts are pure functions and constants, and each
    // workflow's own copy of them was most of the memory it held in the worker's cache.
    preloadModules: SHARED_MODULES,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases } },
    }),
  });
  return code;
}
