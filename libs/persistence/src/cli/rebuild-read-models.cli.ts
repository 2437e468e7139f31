// `npm run rebuild-read-models [-- --replace]` (infra/rebuild-read-models.mjs sets DATABASE_URL).
// Replays every event into fresh read models and compares them with the live ones; with
// --replace, the rebuilt tables take the live ones' place. Exit code 1 when they differ.
import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { createDataSource } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { readModelProjections } from '../read-models/read-model-projections';
import { rebuildReadModels } from '../read-models/rebuild-read-models';

async function main(): Promise<number> {
  const replace = process.argv.includes('--replace');
  const config = loadConfig(process.env);
  const dataSource = await createDataSource(config.database, 'amiflow-rebuild').initialize();
  try {
    await runMigrations(dataSource);
    let lastReport = Date.now();
    const report = await rebuildReadModels(dataSource, readModelProjections, {
      replace,
      onProgress: (events) => {
        if (Date.now() - lastReport < 2000) return;
        lastReport = Date.now();
        console.log(`  ${events.toLocaleString('en')} events replayed…`);
      },
    });
    console.log(`Replayed ${report.events.toLocaleString('en')} events.`);
    for (const table of report.tables) {
      const verdict =
        table.onlyLive + table.onlyRebuilt === 0
          ? 'identical'
          : `${table.onlyLive} row(s) only live, ${table.onlyRebuilt} only rebuilt`;
      console.log(
        `  ${table.table.padEnd(24)} live ${table.liveRows}, rebuilt ${table.rebuiltRows}: ${verdict}`,
      );
    }
    if (report.replaced) console.log('The live read models are now the rebuilt ones.');
    else if (!report.identical) {
      console.log(
        'The live read models differ: run again with --replace to put the rebuilt ones in.',
      );
    }
    return report.identical ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
