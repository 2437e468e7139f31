// `npm run bench:console` (infra/bench.mjs provides a scratch database and a Temporal dev server).
// Serves the real API and the built console (dist/console) in this process over a campaign of
// 10,000 dossiers, and drives Debian's headless Chromium (playwright-core) to the campaign's page:
// - campaign_page_ms: from navigation to the dossier table (its first 50 rows) and the counts
//   drawn, with an empty browser cache (the first visit: the worst case), the median of 5;
// - first_load_kb: the bytes of every response that first visit loads (HTML, scripts, styles,
//   fonts, icons, API answers) as sent: headers, and bodies compressed when they are (the
//   console's files are served precompressed; the API's JSON answers are not compressed).
import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { dossierTermsOf, isCampaign } from '@amiflow/domain';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import {
  createDataSource,
  EventStore,
  readModelProjections,
  runMigrations,
} from '@amiflow/persistence';
import { dossierStream, seedOpenCampaign } from '@amiflow/persistence/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createApiApp } from '../create-api-app';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const RUNS = 5;
const PAGE_SIZE = 50;
const campaignId = 'ami-bench-console';

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
            organisationName: `Conseil national professionnel ${index}`,
            organisationType: 'CNP',
            terms,
          },
          new Date(),
        );
      }
    }),
  );
  await dataSource.query('ANALYZE dossier_summaries');
  await dataSource.destroy();

  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const minted = await fetch(`${base}/auth/development-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'operator' }),
  });
  if (!minted.ok) throw new Error(`development token: ${minted.status} ${await minted.text()}`);
  const { token, expiresAt } = (await minted.json()) as { token: string; expiresAt: string };
  const session = JSON.stringify({
    token,
    role: 'operator',
    subject: 'operator-dev',
    organisationId: undefined,
    expiresAt: Date.parse(expiresAt),
    via: 'development',
  });

  const timings: number[] = [];
  const apiTimings: number[] = [];
  /** When each request started and ended, ms from navigation, by what it asked (every run). */
  const waterfall = new Map<string, { started: number[]; ended: number[] }>();
  let firstLoadBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    // A new profile each time: nothing cached, as on an operator's first visit.
    const profile = mkdtempSync(join(tmpdir(), 'amiflow-bench-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Signed in already (the session the sign-in page would have stored in this tab).
    await context.addInitScript((value: string) => {
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('amiflow.console.session', value);
    }, session);
    const page = await context.newPage();
    let bytes = 0;
    let started = Date.now();
    const sizes: Promise<void>[] = [];
    // As sent over the wire: compressed bodies (br, gzip) count as compressed, plus headers.
    page.on('requestfinished', (request) => {
      const at = Date.now() - started;
      const timing = request.timing();
      const url = new URL(request.url());
      const name = url.pathname.startsWith('/console/assets/')
        ? `asset ${url.pathname.split('.').pop()}`
        : url.pathname.replace(campaignId, '{c}');
      const entry = waterfall.get(name) ?? { started: [], ended: [] };
      // timing.startTime is the wall clock in ms; what happened before `started` shows negative.
      entry.started.push(Math.round(timing.startTime - started));
      entry.ended.push(at);
      waterfall.set(name, entry);
      sizes.push(
        request.sizes().then(
          (size) => void (bytes += size.responseBodySize + size.responseHeadersSize),
          () => undefined,
        ),
      );
    });
    started = Date.now();
    const listed = page
      .waitForResponse((response) => response.url().includes('/dossiers?'), { timeout: 30_000 })
      .then(() => apiTimings.push(Date.now() - started));
    await page.goto(`${base}/console/campagnes/${campaignId}`, { waitUntil: 'commit' });
    await page
      .getByRole('table')
      .getByRole('row')
      .nth(PAGE_SIZE) // the header row, then 50 dossiers
      .waitFor({ timeout: 30_000 });
    await page.getByText(`Dossiers : ${DOSSIERS}`).waitFor({ timeout: 30_000 });
    timings.push(Date.now() - started);
    await listed;
    await page.waitForLoadState('networkidle');
    await Promise.all(sizes);
    if (run === 0) firstLoadBytes = bytes;
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  await app.close();
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `${DOSSIERS} dossiers; campaign page, empty cache, ${RUNS} runs: ${timings.join(', ')} ms ` +
      `(the dossier list answered after ${apiTimings.join(', ')} ms)`,
  );
  // Where the time goes: each request's median start and end (the last asset of a kind shown).
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
  for (const [name, { started, ended }] of waterfall) {
    console.log(`  ${name}: started ${middle(started)} ms, done ${middle(ended)} ms`);
  }
  console.log(`campaign_page_ms=${median} first_load_kb=${Math.round(firstLoadBytes / 1024)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
