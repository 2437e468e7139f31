// Lint is where the architecture of docs/architecture.md is enforced: who may import whom, and what
// deterministic code (workflows, domain) may never touch.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { createProjectGraphAsync } from '@nx/devkit';

// @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself when
// there is none (a fresh clone): compute it first, whoever runs ESLint.
await createProjectGraphAsync({ exitOnError: true });

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noNodeBuiltins = {
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({
        name,
        message: 'Deterministic code may not use Node built-ins.',
      })),
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.nx/', 'coverage/', 'test/replay/histories/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: [],
              // zod: the campaign file's shape, one schema the types, the API's validation and
              // its OpenAPI document derive from. Pure functions over values, no I/O and no
              // global state the domain reads, so it keeps the domain deterministic.
              allowedExternalImports: ['fast-check', 'zod'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:domain'],
              // @temporalio/workflow for defineUpdate/defineSignal/defineQuery only: the message
              // definitions live here, shared by the workflows and their clients, and these
              // helpers build plain objects, safe outside the workflow sandbox. @temporalio/common
              // exports their types but not the helpers.
              allowedExternalImports: ['@temporalio/common', '@temporalio/workflow'],
            },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: [], allowedExternalImports: [] },
            // Text analysis is pure: the domain's types and its two French text libraries.
            {
              sourceTag: 'type:analysis',
              onlyDependOnLibsWithTags: ['type:domain'],
              allowedExternalImports: ['snowball-stemmers', 'stopword', 'fast-check'],
            },
            {
              sourceTag: 'type:client',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config'],
            },
            {
              sourceTag: 'type:workflows',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              allowedExternalImports: ['@temporalio/workflow', '@temporalio/common'],
            },
            {
              sourceTag: 'type:persistence',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config'],
            },
            {
              sourceTag: 'type:activities',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:persistence',
                'type:config',
                'type:client',
                'type:analysis',
              ],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:contracts',
                'type:persistence',
                'type:config',
                'type:client',
                'type:activities',
                'type:analysis',
              ],
            },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
            // The console runs in the browser and talks to the API over HTTP only: at most the
            // contracts' types, and their French labels (@amiflow/contracts/labels), below.
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts', 'libs/domain/**/*.ts', 'libs/analysis/src/**/*.ts'],
    rules: noNodeBuiltins,
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      // A value of @amiflow/contracts' index would bring @temporalio/workflow into the browser
      // bundle: the console takes its types, and values from @amiflow/contracts/labels alone.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@amiflow/contracts',
              allowTypeImports: true,
              message:
                'The console takes only types from here; labels from @amiflow/contracts/labels.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
