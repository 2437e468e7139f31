// `npm run bench:api` (infra/bench.mjs provides a scratch database and a Temporal dev server).
// Serves the real API in this process over a campaign of 10,000 dossiers and loads it with
// autocannon: the dossier list (first page, a deep page, a text filter) beside a trivial route of
// the same app (/health/live), in the same run, so the ratio says what listing costs.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '@amiflow/config';
import { dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import {
  createDataSource,
  DossierSummaryQuery,
  EventStore,
  readModelProjections,
  runMigrations,
} from '@amiflow/persistence';
import { dossierStream, seedOpenCampaign } from '@amiflow/persistence/testing';
import { SignJWT } from 'jose';
import { DataSource } from 'typeorm';
import { createApiApp } from '../create-api-app';
import { startBareNestApp } from './bare-nest-app';
import { profileDuring, selfTimeByPackage, topSelfTime } from './cpu-profile';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
/** Where to write a CPU profile of the API's thread under each route's load (none if unset). */
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE_DIR;
const campaignId = 'ami-bench-api';
/** Forty specialties, so that a search by one of them finds 1 dossier in 40, as it would. */
const SPECIALTIES = [
  'anatomie',
  'anesthesie',
  'biologie',
  'cardiologie',
  'chirurgie',
  'dermatologie',
  'endocrinologie',
  'gastro-enterologie',
  'genetique',
  'geriatrie',
  'gynecologie',
  'hematologie',
  'hepatologie',
  'immunologie',
  'infectiologie',
  'kinesitherapie',
  'medecine-interne',
  'medecine-generale',
  'nephrologie',
  'neurologie',
  'nutrition',
  'obstetrique',
  'oncologie',
  'ophtalmologie',
  'orthophonie',
  'orthoptie',
  'pediatrie',
  'pharmacie',
  'pneumologie',
  'podologie',
  'psychiatrie',
  'radiologie',
  'reanimation',
  'rhumatologie',
  'sante-publique',
  'sages-femmes',
  'stomatologie',
  'toxicologie',
  'urologie',
  'virologie',
];

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await createDataSource(config.database, 'amiflow-bench').initialize();
  await runMigrations(dataSource);
  const store = new EventStore(dataSource, readModelProjections);
  const campaign = await seedOpenCampaign(store, campaignId, openCampaignDefinition(new Date()));
  if (!isCampaign(campaign)) throw new Error('The campaign was not created');
  const terms = dossierTermsOf(campaign);
  console.log(`Seeding ${DOSSIERS} dossiers…`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let index = next++; index < DOSSIERS; index = next++) {
        const organisationId = `cnp-${String(index).padStart(5, '0')}`;
        await dossierStream(store, campaignId, organisationId).run(
          {
            type: 'CreateDossierDraft',
            campaignId,
            organisationId,
            organisationName: `Conseil national professionnel de ${SPECIALTIES[index % 40]} ${index}`,
            organisationType: 'CNP',
            profession: SPECIALTIES[index % 40],
            terms,
          },
          new Date(),
        );
      }
    }),
  );
  // Statistics as autovacuum would leave them on a live database, not those of an empty table.
  await dataSource.query('ANALYZE dossier_summaries');
  await dataSource.query('ANALYZE dossier_due_items');
  console.log('Plan of a tab sorted by time left (what the console asks first):');
  for (const line of await explainTabSortedByDue(dataSource)) console.log(`  ${line}`);
  await dataSource.destroy();

  // The floor first, on a machine as loaded as for the routes after it.
  const bare = await startBareNestApp();
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const token = await operatorToken(config.auth.jwtSecret, config.auth);
  const list = `/campaigns/${campaignId}/dossiers`;
  const deep = await cursorAfter(base, token, list, 100);
  const targets: [string, string, string][] = [
    ['bare NestJS on fastify: GET /', bare.url, '/'],
    ['trivial: GET /health/live', base, '/health/live'],
    ['list: first page of 50', base, `${list}?limit=50`],
    ['list: page 101 of 50 (cursor)', base, `${list}?limit=50&cursor=${deep}`],
    ['list: name search, 50', base, `${list}?limit=50&text=cardiologie`],
    [
      'list: tab by time left, 50',
      base,
      `${list}?limit=50&tab=awaiting-organisation&sort=nextDueAt`,
    ],
    ['counts per tab and state', base, `/campaigns/${campaignId}/dossier-counts`],
    ['deadline view, 7 days, 50', base, `/campaigns/${campaignId}/due?days=7&limit=50`],
  ];
  console.log(
    `${CONNECTIONS} connections from a worker thread, ${SECONDS} s per route, ` +
      `${DOSSIERS} dossiers in the campaign, ${cpus().length} CPUs`,
  );
  const rates: number[] = [];
  for (const [label, origin, path] of targets) {
    const load = () =>
      autocannon({
        url: `${origin}${path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        // The load comes from its own thread, so the server keeps this one's event loop to itself.
        workers: 1,
        headers: { authorization: `Bearer ${token}` },
      });
    let result: autocannon.Result;
    if (PROFILE_DIR) {
      const profiled = await profileDuring(load);
      result = profiled.result;
      const file = join(PROFILE_DIR, `${label.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profiled.profile));
      console.log(`  (profile: ${file})`);
      for (const [name, share] of selfTimeByPackage(profiled.profile).slice(0, 12))
        console.log(`      ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
      for (const [name, share] of topSelfTime(profiled.profile, 15))
        console.log(`      ${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
    } else {
      result = await load();
    }
    const failed = result.non2xx + result.errors + result.timeouts;
    rates.push(result.requests.average);
    console.log(
      `  ${label.padEnd(32)} ${result.requests.average.toFixed(0).padStart(6)} req/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `load ${loadavg()[0].toFixed(2)}` +
        (failed > 0 ? `, ${failed} failed` : ''),
    );
  }
  await app.close();
  await bare.app.close();
  for (const [index, [label]] of targets.entries()) {
    if (index > 1)
      console.log(`ratio ${label} / trivial = ${(rates[index] / rates[1]).toFixed(2)}`);
  }
  // What issue 14 asks: the first page at ≥ 0.3 of the trivial route, which is at ≥ 0.25 of bare.
  console.log(
    `list/trivial=${(rates[2] / rates[1]).toFixed(2)} trivial/bare=${(rates[1] / rates[0]).toFixed(2)} ` +
      `load=${loadavg()
        .map((load) => load.toFixed(2))
        .join(',')}`,
  );
}

function operatorToken(
  secret: string | undefined,
  { issuer, audience }: { issuer: string; audience: string },
): Promise<string> {
  if (!secret) throw new Error('AUTH_JWT_SECRET is needed (infra/bench.mjs sets one)');
  return new SignJWT({ role: 'operator' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('bench')
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** The plan PostgreSQL chooses, with this table's statistics, for the query the API runs. */
async function explainTabSortedByDue(dataSource: DataSource): Promise<string[]> {
  const explaining = new DossierSummaryQuery({
    query: (sql: string, params: unknown[]) => dataSource.query(`EXPLAIN ${sql}`, params),
  } as unknown as DataSource);
  const page = await explaining.page(
    { campaignId },
    { tab: 'awaiting-organisation', sort: 'nextDueAt', limit: 1000, now: new Date() },
  );
  return page.items.map((line) => (line as unknown as Record<string, string>)['QUERY PLAN']);
}

/** Follows `pages` cursors, so the deep-page measure starts where a long scroll would be. */
async function cursorAfter(base: string, token: string, path: string, pages: number) {
  let cursor = '';
  for (let page = 0; page < pages; page++) {
    const response = await fetch(`${base}${path}?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
  }
  return cursor;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
