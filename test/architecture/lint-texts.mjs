// Lints sources as if they sat at the given paths, with the workspace's ESLint config.
// Run as a child process: ESLint's config is an ES module, which jest's sandbox cannot load.
// stdin: [{ "code": "...", "file": "workflows/src/x.ts" }]; stdout: [["rule-id", ...], ...]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });
const cases = JSON.parse(readFileSync(0, 'utf8'));
const violations = [];
for (const { code, file } of cases) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  violations.push(
    result.messages
      .filter((message) => message.severity === 2)
      .map((message) => message.ruleId ?? 'parse'),
  );
}
process.stdout.write(JSON.stringify(violations));
