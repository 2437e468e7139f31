// `npm run bench:event-store` (infra/bench.mjs provides a scratch database in DATABASE_URL).
// Appends through the EventStore against raw INSERTs of the same rows, with 1 and 16 concurrent
// writers, in the same process; then read-model page queries over 100,000 dossiers.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@amiflow/config';
import { NewEvent } from '@amiflow/contracts';
import {
  decideDossier,
  DossierCampaignTerms,
  DossierCommand,
  DossierState,
  evolveDossier,
  initialDossierState,
  referenceCampaign,
} from '@amiflow/domain';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';
import { EventStore } from '../event-store/event-store';
import { CampaignSummaryQuery } from '../read-models/campaign-summary/campaign-summary.query';
import { DossierSummaryQuery } from '../read-models/dossier-summary/dossier-summary.query';
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

  results.projected16 = await rate(16, APPENDS_PER_RUN, dossierAppend(store, run));
  console.log(
    `  16 writer(s), dossier events with their read models in the same transaction: ` +
      `${results.projected16.toFixed(0)}/s, ratio ${(results.projected16 / results.raw16).toFixed(2)} to raw INSERT`,
  );

  await benchReadModels(pool, dataSource);
  await pool.end();
  await dataSource.destroy();
  console.log(`ratio=${(results.store16 / results.raw16).toFixed(2)}`);
}

/**
 * Each writer drives its own dossier as a workflow would: a draft, then one saved answer per
 * append, decided by the domain and projected into the dossier summary and the counts.
 */
function dossierAppend(store: EventStore, run: string) {
  const dossiers = new Map<number, { state: DossierState; version: number }>();
  const terms = openCampaignTermsForBench();
  return async (writer: number, index: number) => {
    const dossier = dossiers.get(writer) ?? { state: initialDossierState, version: 0 };
    const organisationId = `org-${run}-${writer}`;
    const command: DossierCommand =
      dossier.version === 0
        ? {
            type: 'CreateDossierDraft',
            campaignId: `bench-${run}`,
            organisationId,
            organisationName: `Organisation ${writer}`,
            organisationType: 'CNP',
            terms,
          }
        : { type: 'SaveAnswers', answers: { freins: `Réponse ${index}` } };
    const events = decideDossier(command, dossier.state, new Date());
    await store.append({
      streamId: `dossier/bench-${run}/${organisationId}`,
      expectedVersion: dossier.version,
      events: events.map((event) => ({ eventId: randomUUID(), ...event, metadata })),
    });
    dossiers.set(writer, {
      state: events.reduce(evolveDossier, dossier.state),
      version: dossier.version + events.length,
    });
  };
}

function openCampaignTermsForBench(): DossierCampaignTerms {
  const { definition } = referenceCampaign;
  return {
    timeZone: definition.timeZone,
    submissionDeadline: new Date(Date.now() + 86_400_000).toISOString(),
    consultationsStartAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    sections: definition.sections,
    supportFormIds: [],
    reminders: [],
  };
}

/** List pages of the operators' dossier list, and counts by state, over one large campaign. */
async function benchReadModels(pool: Pool, dataSource: DataSource): Promise<void> {
  console.log(
    `Read models: seeding ${DOSSIERS.toLocaleString('en')} dossier summaries in one campaign…`,
  );
  const states = ['DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'UNDER_SCREENING', 'WITHDRAWN'];
  await pool.query(
    `INSERT INTO dossier_summaries
       (stream_id, campaign_id, organisation_id, organisation_name, organisation_type, profession,
        state, completeness_percent, missing_required_sections, next_deadline, submitted_at,
        created_at, last_change_at, last_event_type, version, snapshot)
     SELECT 'dossier/bench/org-' || i, 'bench', 'org-' || lpad(i::text, 6, '0'),
            'Organisation ' || i, 'CNP', 'profession-' || (i % 40), ($2::text[])[1 + i % 6],
            i % 101, '{}', NULL, NULL, now(), now() - (i || ' seconds')::interval,
            'DossierSubmitted', 2, '{}'
       FROM generate_series(1, $1) AS i`,
    [DOSSIERS, states],
  );
  await pool.query(
    `INSERT INTO campaign_dossier_counts (campaign_id, state, count)
     SELECT campaign_id, state, count(*) FROM dossier_summaries WHERE campaign_id = 'bench'
      GROUP BY campaign_id, state`,
  );
  await pool.query('ANALYZE');
  const query = new DossierSummaryQuery(dataSource);
  const campaignQuery = new CampaignSummaryQuery(dataSource);
  const cursors = (
    await pool.query<{ last_change_at: Date; organisation_id: string }>(
      `SELECT last_change_at, organisation_id FROM dossier_summaries
        WHERE campaign_id = 'bench' AND organisation_id LIKE '%000'`,
    )
  ).rows.map((row) => ({
    value: row.last_change_at.toISOString(),
    organisationId: row.organisation_id,
  }));
  const figures: [string, number][] = [
    [
      'first page of 50, latest change first',
      await rate(16, 2000, () =>
        query.page({ campaignId: 'bench' }, { limit: 50, now: new Date() }),
      ),
    ],
    [
      'page of 50 after a keyset cursor deep in the list',
      await rate(16, 2000, (_, index) =>
        query.page(
          { campaignId: 'bench' },
          { limit: 50, now: new Date(), after: cursors[index % cursors.length] },
        ),
      ),
    ],
    [
      'first page of 50 filtered by state',
      await rate(16, 2000, (_, index) =>
        query.page(
          { campaignId: 'bench', state: states[index % states.length] },
          { limit: 50, now: new Date() },
        ),
      ),
    ],
    [
      'first page of 50 filtered by profession (no index: scans)',
      await rate(16, 500, (_, index) =>
        query.page(
          { campaignId: 'bench', profession: `profession-${index % 40}` },
          { limit: 50, now: new Date() },
        ),
      ),
    ],
    [
      'first page of 50 searching the name (ILIKE, scans)',
      await rate(16, 200, (_, index) =>
        query.page(
          { campaignId: 'bench', text: `Organisation 9${index % 100}` },
          { limit: 50, now: new Date() },
        ),
      ),
    ],
    [
      'counts by state from the projected counts',
      await rate(16, 2000, () => campaignQuery.dossierCounts('bench')),
    ],
    [
      'counts by state by GROUP BY over the summaries (for comparison)',
      await rate(16, 100, () =>
        dataSource.query(
          `SELECT state, count(*) FROM dossier_summaries WHERE campaign_id = 'bench' GROUP BY state`,
        ),
      ),
    ],
  ];
  for (const [label, perSecond] of figures) {
    console.log(`  ${label}: ${perSecond.toFixed(0)} queries/s`);
  }
}

async function serverVersion(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
  return rows[0].server_version;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
