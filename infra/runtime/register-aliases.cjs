// Preloaded by the launcher (`node -r`) so the compiled apps in dist/ resolve the workspace
// aliases of tsconfig.base.json (`@amiflow/domain` → dist/libs/domain/src/index.js).
const { join } = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

const paths = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, targets]) => [
    alias,
    targets.map((target) => target.replace(/\.ts$/, '.js')),
  ]),
);
register({ baseUrl: join(__dirname, '..', '..', 'dist'), paths });
