import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleWorkflows } from './bundle-workflows';

// Production runs a prebuilt bundle: `node dist/apps/worker/src/workflow-bundle/build-workflow-bundle.js <out>`.
async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const code = await bundleWorkflows();
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, code);
  console.log(`Workflow bundle written to ${output} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
