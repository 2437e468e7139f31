// `npm run bench:event-store` (infra/bench.mjs provides a scratch database in DATABASE_URL).
// Appends through the EventStore against raw INSERTs of the same rows, with 1 and 16 concurrent
// writers, in the same process; then read-model page queries over 100,000 dossiers.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@amiflow/config';
import { NewEvent } from '@amiflow/contracts';
import { Pool } from 'pg';
import { createDataSource } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { EventStore } from '../event-store/event-store';
import { readModelProjections } from '../read-models/read-model-projections';

const APPENDS_PER_RUN = Number(process.env.BENCH_APPENDS ?? 4000);
const DOSSIERS = 100_000;
const metadata = {
  actor: { id: 'bench', role: 'system' as const },
  occurredAt: new Date().toISOString(),
  correlationId: 'bench',
};

function event(): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'BenchmarkNoteTaken',
    data: { text: 'a note of a typical size', at: 1 },
    metadata,
  };
}

/** Runs `count` operations over `writers` concurrent loops; returns operations per second. */
async function rate(
  writers: number,
  count: number,
  operation: (writer: number, index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = next++; index < count; index = next++) await operation(writer, index);
    }),
  );
  return count / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await createDataSource(config.database, 'amiflow-bench').initialize();
  await runMigrations(dataSource);
  const store = new EventStore(dataSource, readModelProjections);
  const pool = new Pool({ connectionString: config.database.url, max: 20 });
  const run = randomUUID().slice(0, 8);

  // Each append adds one event to a stream of its own writer, at the next version, as
  // workflows do; the raw baseline inserts the same row with a single plain INSERT.
  const storeAppend = (label: string) => {
    const versions = new Map<number, number>();
    return async (writer: number) => {
      const version = versions.get(writer) ?? 0;
      await store.append({
        streamId: `${label}-${run}-${writer}`,
        expectedVersion: version,
        events: [event()],
      });
      versions.set(writer, version + 1);
    };
  };
  const rawInsert = (label: string, prepared = false) => {
    const versions = new Map<number, number>();
    return async (writer: number) => {
      const version = (versions.get(writer) ?? 0) + 1;
      versions.set(writer, version);
      const row = event();
      await pool.query({
        name: prepared ? 'raw-insert' : undefined,
        text: 'INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)',
        values: [
          row.eventId,
          `${label}-${run}-${writer}`,
          version,
          row.type,
          JSON.stringify(row.data),
          JSON.stringify(row.metadata),
        ],
      });
    };
  };

  console.log(
    `Appends: ${APPENDS_PER_RUN} single-event appends per measurement (PostgreSQL ${await serverVersion(pool)})`,
  );
  await rate(4, 400, storeAppend('warm-store'));
  await rate(4, 400, rawInsert('warm-raw'));
  const results: Record<string, number> = {};
  for (const writers of [1, 16]) {
    results[`raw${writers}`] = await rate(writers, APPENDS_PER_RUN, rawInsert(`raw${writers}`));
    results[`store${writers}`] = await rate(
      writers,
      APPENDS_PER_RUN,
      storeAppend(`store${writers}`),
    );
    results[`prepared${writers}`] = await rate(
      writers,
      APPENDS_PER_RUN,
      rawInsert(`prepared${writers}`, true),
    );
    console.log(
      `  ${String(writers).padStart(2)} writer(s): EventStore.append ${results[`store${writers}`].toFixed(0)}/s, ` +
        `raw INSERT ${results[`raw${writers}`].toFixed(0)}/s, ratio ${(results[`store${writers}`] / results[`raw${writers}`]).toFixed(2)}; ` +
        `prepared raw INSERT ${results[`prepared${writers}`].toFixed(0)}/s, ratio ${(results[`store${writers}`] / results[`prepared${writers}`]).toFixed(2)}`,
    );
  }

  console.log(`Read model: seeding ${DOSSIERS} dossier summaries…`);
  await pool.query(
    `INSERT INTO dossier_summaries (campaign_id, organisation_id, organisation_name, state, version, created_at, updated_at)
     SELECT 'bench-' || (i % 4), 'org-' || lpad(i::text, 6, '0'), 'Organisation ' || i,
            (ARRAY['DRAFT','SUBMITTED','ELIGIBLE','INELIGIBLE'])[1 + i % 4], 1, now(), now()
       FROM generate_series(1, $1) AS i`,
    [DOSSIERS],
  );
  await pool.query('ANALYZE dossier_summaries');
  const firstPage = await rate(16, 2000, () =>
    dataSource.query(
      'SELECT * FROM dossier_summaries WHERE campaign_id = $1 ORDER BY organisation_id LIMIT 50',
      ['bench-1'],
    ),
  );
  const deepPage = await rate(16, 2000, (_, index) =>
    dataSource.query(
      'SELECT * FROM dossier_summaries WHERE campaign_id = $1 AND organisation_id > $2 ORDER BY organisation_id LIMIT 50',
      ['bench-1', `org-${String(50_000 + (index % 40_000)).padStart(6, '0')}`],
    ),
  );
  const countByState = await rate(16, 500, () =>
    dataSource.query(
      'SELECT state, count(*) FROM dossier_summaries WHERE campaign_id = $1 GROUP BY state',
      ['bench-1'],
    ),
  );
  console.log(`  page of 50, first page: ${firstPage.toFixed(0)} queries/s`);
  console.log(
    `  page of 50 after a keyset cursor deep in the list: ${deepPage.toFixed(0)} queries/s`,
  );
  console.log(
    `  counts by state over one campaign (25,000 dossiers): ${countByState.toFixed(0)} queries/s`,
  );

  await pool.end();
  await dataSource.destroy();
  console.log(`ratio=${(results.store16 / results.raw16).toFixed(2)}`);
}

async function serverVersion(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
  return rows[0].server_version;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
