// Four tiers, by file name: *.spec.ts (pure, fast), *.int-spec.ts (real PostgreSQL and
// Temporal), *.e2e-spec.ts (through HTTP), *.browser-spec.ts (the built console in Chromium).
// `npm test` provides the real services and runs them all serially; see infra/test.mjs.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      slowTestThreshold: 30,
    },
    {
      // The built console in a headless Chromium, against the compiled API and worker.
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/console/**/*.browser-spec.ts'],
      slowTestThreshold: 60,
    },
  ],
};
