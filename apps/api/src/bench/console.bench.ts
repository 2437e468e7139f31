// `npm run bench:console` (infra/bench.mjs provides a scratch database and a Temporal dev server).
// Serves the real API and the built console (dist/console) in this process over a campaign of
// 10,000 dossiers, and drives Debian's headless Chromium (playwright-core) to the campaign's page:
// - campaign_page_ms: from navigation to the dossier table (its first 50 rows) and the counts
//   drawn, with an empty browser cache (the first visit: the worst case), the median of 5, as
//   playwright sees it (its checks run on the page's main thread: drawn, and the page responsive);
//   signed in, with the session's cookie, so that the API prerenders the page (BENCH_PRERENDER=0:
//   without it, as a tab that signed in before the cookie existed);
// - first_load_kb: the bytes of every response that first visit loads (HTML, scripts, styles,
//   fonts, icons, API answers) as sent: headers, and bodies compressed when they are (the
//   console's files are served precompressed; the API's JSON answers are not compressed);
// - a baseline, measured the same way in the same run, so that the figure means something on a
//   loaded machine: the same 50 rows and counts as one static HTML page with the console's
//   stylesheet, padded to the same bytes as the campaign page's first load, served by the same
//   server from the same folder (no script, no API call: what drawing that content costs here);
// - the load average before and after, and where the time goes (each request's start and end,
//   the document's own milestones).
import 'reflect-metadata';
import { loadConfig } from '@amiflow/config';
import { dossierStream } from '@amiflow/persistence/testing';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, Page } from 'playwright-core';
import { createApiApp } from '../create-api-app';
import { CONSOLE_DIR } from '../operations/console/serve-console';
import { openBenchCampaign, seedEachDossier } from './bench-campaign';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 10_000);
const RUNS = 5;
const PAGE_SIZE = 50;
const campaignId = 'ami-bench-console';
/** The baseline page, written beside the console's files for the run (removed at the end). */
const BASELINE_FILE = 'bench-baseline.html';
/** How long a newly launched browser is left to start before it is sent to the page, ms. */
const BROWSER_SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1000);
/** Whether the browser holds the session's cookie, with which the API prerenders the page. */
const PRERENDER = process.env.BENCH_PRERENDER !== '0';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const { dataSource, store, terms } = await openBenchCampaign(config, campaignId);
  console.log(`Seeding ${DOSSIERS} dossiers…`);
  await seedEachDossier(DOSSIERS, (index, organisationId) =>
    dossierStream(store, campaignId, organisationId).run(
      {
        type: 'CreateDossierDraft',
        campaignId,
        organisationId,
        organisationName: `Conseil national professionnel ${index}`,
        organisationType: 'CNP',
        terms,
      },
      new Date(),
    ),
  );
  await dataSource.query('ANALYZE dossier_summaries');
  await dataSource.destroy();

  // Served from the console's folder like its own files (fastify-static lists them at start-up);
  // its content is written once the campaign page's bytes are known, before it is measured.
  const baselinePath = join(CONSOLE_DIR, BASELINE_FILE);
  writeFileSync(baselinePath, '<!doctype html>');
  const app = await createApiApp(config);
  try {
    await app.listen(0, '127.0.0.1');
    await measureBoth(await app.getUrl(), baselinePath);
  } finally {
    await app.close();
    rmSync(baselinePath, { force: true });
  }
}

async function measureBoth(base: string, baselinePath: string): Promise<void> {
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
  const loadBefore = loadavg()[0];

  // What both pages must show: the table's 50 rows, the counts by state and the tabs' counts.
  const drawn = async (page: Page) => {
    await page.getByRole('table').getByRole('row').nth(PAGE_SIZE).waitFor({ timeout: 30_000 });
    await page.getByText(`Dossiers : ${DOSSIERS}`).waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: `Tous (${DOSSIERS})` }).waitFor({ timeout: 30_000 });
  };
  const campaign = emptyMeasures();
  const baseline = emptyMeasures();
  const campaignUrl = `${base}/console/campagnes/${campaignId}`;
  // The first visit weighs the bytes the baseline page is padded to.
  await measureOnce(campaignUrl, session, drawn, campaign);
  const rows = (await (
    await fetch(`${base}/campaigns/${campaignId}/dossiers?limit=${PAGE_SIZE}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { items: { organisationName: string; state: string; lastChangeAt: string }[] };
  writeFileSync(baselinePath, baselinePage(rows.items, campaign.firstLoadBytes));
  // Then one of each in turn, so that both see the same load as it comes and goes.
  for (let run = 0; run < RUNS; run++) {
    await measureOnce(`${base}/console/${BASELINE_FILE}`, session, drawn, baseline);
    if (run > 0) await measureOnce(campaignUrl, session, drawn, campaign);
  }

  const runs = campaign.timings.length;
  const prerendered =
    campaign.prerendered === runs
      ? 'prerendered by the API in every run: the dossier list came in the document'
      : `prerendered by the API in ${campaign.prerendered} of ${runs} runs; the dossier list ` +
        `the page asked for answered after ${campaign.listAnswered.join(', ')} ms`;
  console.log(
    `${DOSSIERS} dossiers; campaign page, empty cache, ${RUNS} runs: ` +
      `${campaign.timings.join(', ')} ms (${prerendered})`,
  );
  // Where the time goes: each request's median start and end (the last asset of a kind shown),
  // and the document's milestones.
  for (const [name, { started, ended }] of campaign.waterfall) {
    console.log(`  ${name}: started ${median(started)} ms, done ${median(ended)} ms`);
  }
  for (const [name, values] of campaign.milestones) {
    // (None for a milestone the page never reached: a page not prerendered is not taken over.)
    if (!Number.isNaN(median(values))) console.log(`  document ${name}: ${median(values)} ms`);
  }
  const loadAfter = loadavg()[0];

  console.log(
    `baseline (the same rows and counts, one static page of ${Math.round(baseline.firstLoadBytes / 1024)} KB ` +
      `with the console's stylesheet, same server): ${baseline.timings.join(', ')} ms; in the ` +
      `DOM at ${median(baseline.milestones.get('table and counts in the DOM') ?? [])} ms`,
  );
  const campaignMs = median(campaign.timings);
  const baselineMs = median(baseline.timings);
  console.log(
    `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ` +
      `${availableParallelism()} cores; baseline_ms=${baselineMs} ratio=${(campaignMs / baselineMs).toFixed(2)}`,
  );
  await timeRequestsAlone(base, token);
  if (process.env.BENCH_CONSOLE_TRACE) await traceOnce(campaignUrl, session, drawn);
  console.log(
    `campaign_page_ms=${campaignMs} first_load_kb=${Math.round(campaign.firstLoadBytes / 1024)}`,
  );
}

/**
 * The page's three API requests, and the page prerendered with them, each alone from this process
 * (no browser beside it), 20 times one after the other: the API's own time for them, against the
 * time they took during the visits.
 */
async function timeRequestsAlone(base: string, token: string): Promise<void> {
  const paths = [
    `/campaigns/${campaignId}`,
    `/campaigns/${campaignId}/dossiers?limit=${PAGE_SIZE}`,
    `/campaigns/${campaignId}/dossier-counts`,
    // The page itself, prerendered with them (brotli, as a browser accepts it).
    ...(PRERENDER ? [`/console/campagnes/${campaignId}`] : []),
  ];
  for (const path of paths) {
    const timings: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, {
        headers: {
          authorization: `Bearer ${token}`,
          cookie: `amiflow-console-session=${encodeURIComponent(token)}`,
          'accept-encoding': 'br',
        },
      });
      await response.arrayBuffer();
      timings.push(Math.round((performance.now() - started) * 10) / 10);
    }
    console.log(
      `  ${path.replace(campaignId, '{c}')} alone: median ${median(timings)} ms, first ${timings[0]} ms`,
    );
  }
}

/**
 * With BENCH_CONSOLE_TRACE set, one more visit to the campaign page (not among those measured)
 * under Chromium's tracing: what the page's main thread did until the table and counts were
 * drawn, by task (scripts by URL, style, layout, paint…) — the DevTools performance panel's
 * summary, printed.
 */
async function traceOnce(
  url: string,
  session: string,
  drawn: (page: Page) => Promise<void>,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript((value: string) => {
      (
        globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
      ).sessionStorage.setItem('amiflow.console.session', value);
    }, session);
    const page = await context.newPage();
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline'],
    });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await drawn(page);
    const drawnMs = Date.now() - started;
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[];
    };
    printMainThread(trace.traceEvents, drawnMs);
  } finally {
    await browser.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; styleSheetUrl?: string; frame?: string } };
}

/** Sums the renderer main thread's outermost tasks' children by kind, from navigation. */
function printMainThread(events: TraceEvent[], drawnMs: number): void {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const navigation = events.find(
    (e) => e.name === 'navigationStart' && mains.has(`${e.pid}:${e.tid}`),
  );
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const origin = navigation?.ts ?? complete[0]?.ts ?? 0;
  // The children of each RunTask (the outermost events), each once: nested ones inside them are
  // part of their time.
  const byKind = new Map<string, number>();
  let taskEnd = -1;
  let childEnd = -1;
  let busy = 0;
  for (const event of complete) {
    const end = event.ts + (event.dur ?? 0);
    if (event.ts - origin > drawnMs * 1000) break;
    if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') {
      if (event.ts >= taskEnd) {
        taskEnd = end;
        busy += event.dur ?? 0;
      }
      continue;
    }
    if (event.ts < childEnd) continue;
    childEnd = end;
    const where = event.args?.data?.url || event.args?.data?.styleSheetUrl || '';
    const kind = `${event.name}${where ? ` ${new URL(where, 'http://x').pathname}` : ''}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + (event.dur ?? 0));
  }
  console.log(
    `traced visit: drawn after ${drawnMs} ms (harness); main thread busy ${Math.round(busy / 1000)} ms before then, of which:`,
  );
  for (const [kind, micros] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${Math.round(micros / 1000)} ms ${kind}`);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

interface Measured {
  /** From navigation to drawn, each run, ms. */
  timings: number[];
  /** When the dossier list's answer came, each run it was asked for (none for the baseline), ms. */
  listAnswered: number[];
  /** How many runs got the page prerendered by the API (the list in the document). */
  prerendered: number;
  /** When each request started and ended, ms from navigation, by what it asked (every run). */
  waterfall: Map<string, { started: number[]; ended: number[] }>;
  /** The document's milestones (Navigation Timing, first paint), ms from navigation. */
  milestones: Map<string, number[]>;
  /** Every response's bytes as sent (headers, bodies as compressed), first run. */
  firstLoadBytes: number;
}

function emptyMeasures(): Measured {
  return {
    timings: [],
    listAnswered: [],
    prerendered: 0,
    waterfall: new Map(),
    milestones: new Map(),
    firstLoadBytes: 0,
  };
}

/** Opens `url` once in a new browser profile (an empty cache), signed in already; adds to `measured`. */
async function measureOnce(
  url: string,
  session: string,
  drawn: (page: Page) => Promise<void>,
  measured: Measured,
): Promise<void> {
  const first = measured.timings.length === 0;
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
  // Signed in already: the session the sign-in page would have stored in this tab, and its token
  // in the session cookie, with which the API prerenders the campaign page (BENCH_PRERENDER=0:
  // without it, the page the console draws alone).
  await context.addInitScript((value: string) => {
    (
      globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
    ).sessionStorage.setItem('amiflow.console.session', value);
  }, session);
  if (PRERENDER) {
    await context.addCookies([
      {
        name: 'amiflow-console-session',
        value: encodeURIComponent((JSON.parse(session) as { token: string }).token),
        domain: new URL(url).hostname,
        path: '/console/campagnes/',
        sameSite: 'Strict',
      },
    ]);
  }
  // The page's own clock of when what `drawn` waits for was there (playwright's waits report it
  // later, through a loaded machine): a mutation observer from the document's start (on the
  // document itself: its root element does not exist yet when init scripts run).
  await context.addInitScript(
    ({ rows, count }: { rows: number; count: number }) => {
      const scope = globalThis as unknown as {
        document: {
          body: { textContent: string | null } | null;
          querySelectorAll(selector: string): { length: number };
          getElementById(id: string): unknown;
        };
        performance: { now(): number };
        requestAnimationFrame(callback: () => void): void;
        setTimeout(callback: () => void, ms: number): void;
        MutationObserver: new (callback: () => void) => {
          observe(target: unknown, options: Record<string, boolean>): void;
          disconnect(): void;
        };
        inDomAt?: number;
        drawnAt?: number;
        takenOverAt?: number;
      };
      // A prerendered page: when the console's script took its answers (it removes their block
      // just before it takes the markup over).
      let answersSeen = false;
      const takeOver = new scope.MutationObserver(() => {
        const answers = scope.document.getElementById('amiflow-prerendered') !== null;
        if (answers) answersSeen = true;
        else if (answersSeen) {
          scope.takenOverAt = scope.performance.now();
          takeOver.disconnect();
        }
      });
      takeOver.observe(scope.document, { childList: true, subtree: true });
      const observer = new scope.MutationObserver(() => {
        const text = scope.document.body?.textContent ?? '';
        if (
          scope.document.querySelectorAll('table tr').length > rows &&
          text.includes(`Dossiers : ${count}`) &&
          text.includes(`Tous (${count})`)
        ) {
          scope.inDomAt = scope.performance.now();
          observer.disconnect();
          // Drawn: once the frame that holds it has been produced (the task after the next
          // animation frame's callbacks, which run just before that frame's style, layout, paint).
          scope.requestAnimationFrame(() =>
            scope.setTimeout(() => (scope.drawnAt = scope.performance.now()), 0),
          );
        }
      });
      observer.observe(scope.document, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    },
    { rows: PAGE_SIZE, count: DOSSIERS },
  );
  const page = await context.newPage();
  // An operator's browser is running before they open the console: a Chromium just launched
  // spends its first moments starting its own services on the cores the page then needs.
  await page.waitForTimeout(BROWSER_SETTLE_MS);
  let bytes = 0;
  let started = Date.now();
  const sizes: Promise<void>[] = [];
  // As sent over the wire: compressed bodies (br, gzip) count as compressed, plus headers.
  page.on('requestfinished', (request) => {
    const at = Date.now() - started;
    const timing = request.timing();
    const path = new URL(request.url()).pathname;
    const name = path.startsWith('/console/assets/')
      ? `asset ${path.split('.').pop()}`
      : path.replace(campaignId, '{c}');
    const entry = measured.waterfall.get(name) ?? { started: [], ended: [] };
    // timing.startTime is the wall clock in ms; what happened before `started` shows negative.
    entry.started.push(Math.round(timing.startTime - started));
    entry.ended.push(at);
    measured.waterfall.set(name, entry);
    sizes.push(
      request.sizes().then(
        (size) => void (bytes += size.responseBodySize + size.responseHeadersSize),
        () => undefined,
      ),
    );
  });
  started = Date.now();
  let listAnswered: number | undefined;
  page.on('response', (response) => {
    if (listAnswered === undefined && response.url().includes('/dossiers?')) {
      listAnswered = Date.now() - started;
    }
  });
  await page.goto(url, { waitUntil: 'commit' });
  await drawn(page);
  measured.timings.push(Date.now() - started);
  await page.waitForLoadState('networkidle');
  // A page the API prerendered came with its dossier list: the page asks for none until it polls.
  if ((await page.locator('html[data-prerendered]').count()) > 0) measured.prerendered += 1;
  else if (url.includes('/campagnes/')) {
    await page.waitForResponse((response) => response.url().includes('/dossiers?'), {
      timeout: 30_000,
    });
    measured.listAnswered.push(listAnswered ?? Date.now() - started);
  }
  // The document's own clock: from its navigation start, as the browser saw it.
  const milestones = await page.evaluate(() => {
    const performance = (
      globalThis as unknown as {
        performance: { getEntriesByType(type: string): Record<string, unknown>[] };
      }
    ).performance;
    const [navigation] = performance.getEntriesByType('navigation');
    const paint = performance.getEntriesByType('paint');
    const at = (entry: Record<string, unknown> | undefined, key: string) =>
      Math.round(Number(entry?.[key] ?? NaN));
    return {
      'response end': at(navigation, 'responseEnd'),
      'DOM interactive': at(navigation, 'domInteractive'),
      'DOMContentLoaded end': at(navigation, 'domContentLoadedEventEnd'),
      'first contentful paint': at(
        paint.find((entry) => entry.name === 'first-contentful-paint'),
        'startTime',
      ),
      'table and counts in the DOM': Math.round(
        (globalThis as unknown as { inDomAt?: number }).inDomAt ?? NaN,
      ),
      'table and counts drawn': Math.round(
        (globalThis as unknown as { drawnAt?: number }).drawnAt ?? NaN,
      ),
      'prerendered page taken over by the console': Math.round(
        (globalThis as unknown as { takenOverAt?: number }).takenOverAt ?? NaN,
      ),
    };
  });
  for (const [name, value] of Object.entries(milestones)) {
    measured.milestones.set(name, [...(measured.milestones.get(name) ?? []), value]);
  }
  await Promise.all(sizes);
  if (first) measured.firstLoadBytes = bytes;
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

/**
 * The baseline: what the campaign page shows once drawn (its counts, its tabs with their counts,
 * its 50 rows), as static HTML with the console's stylesheet, padded with a comment to `bytes`.
 */
function baselinePage(
  rows: { organisationName: string; state: string; lastChangeAt: string }[],
  bytes: number,
): string {
  const stylesheets = readdirSync(join(CONSOLE_DIR, 'assets'))
    .filter((file) => file.endsWith('.css'))
    .map((file) => `<link rel="stylesheet" href="/console/assets/${file}" />`)
    .join('');
  const escape = (text: string | null | undefined) =>
    String(text ?? '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;');
  const page =
    `<!doctype html><html lang="fr"><head><meta charset="utf-8" />` +
    `<title>Référence du banc d'essai</title>${stylesheets}</head><body><main class="fr-container">` +
    `<h1>Campagne</h1><h3>Dossiers : ${DOSSIERS}</h3>` +
    `<ul role="tablist"><li role="tab" aria-selected="true">Tous (${DOSSIERS})</li></ul>` +
    `<table class="fr-table"><thead><tr><th>Organisation</th><th>État</th><th>Dernier changement</th></tr></thead><tbody>` +
    rows
      .map(
        (row) =>
          `<tr><td><a href="#">${escape(row.organisationName)}</a></td><td>${escape(row.state)}</td>` +
          `<td>${escape(row.lastChangeAt)}</td></tr>`,
      )
      .join('') +
    `</tbody></table></main>`;
  const padding = Math.max(0, bytes - Buffer.byteLength(page) - 30);
  return `${page}<!--${'.'.repeat(padding)}--></body></html>`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
