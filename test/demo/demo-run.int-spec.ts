import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { restoreReferenceDirectory, truncateAll } from '@amiflow/persistence/testing';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { LifecycleHarness } from '../support/lifecycle-harness';
import { eventually } from '../support/eventually';

const root = join(__dirname, '..', '..');
const demoMain = join(root, 'dist', 'apps', 'demo', 'src', 'main.js');
const aliasHook = join(root, 'infra', 'runtime', 'register-aliases.cjs');
const campaignId = `demo-${Date.now().toString(36)}`;

interface RunningDemo {
  readonly child: ChildProcess;
  output(): string;
  exited(): Promise<number | null>;
}

/** The compiled demo, as `npm start` launches it, against the worker and API of this test. */
function startDemo(apiUrl: string, env: Record<string, string>): RunningDemo {
  const { hostname, port } = new URL(apiUrl);
  const child = spawn(process.execPath, ['-r', aliasHook, demoMain], {
    cwd: root,
    env: { ...process.env, API_HOST: hostname, API_PORT: port, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited: () => exit };
}

describe('the npm start demo, played 100,000 times faster than the 2019 calendar', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let demo: RunningDemo | undefined;

  beforeAll(async () => {
    if (!existsSync(demoMain)) throw new Error(`${demoMain} is missing: run \`npm run build\``);
    harness = await LifecycleHarness.open();
    // The demo runs only on a database without any campaign, and casts its organisations from
    // the directory: the reference one, without those the test files before this one added.
    await truncateAll(harness.dataSource);
    await restoreReferenceDirectory(harness.dataSource);
    amiflow = await startAmiflow();
  }, 120_000);

  afterAll(async () => {
    if (demo && demo.child.exitCode === null) {
      demo.child.kill('SIGTERM');
      await demo.exited();
    }
    await amiflow?.stop();
    await harness?.close();
  });

  it('runs the campaign to its consultations through every branch, reminders in the ledger', async () => {
    const started = Date.now();
    demo = startDemo(amiflow.apiUrl, { DEMO_SPEED: '100000', DEMO_CAMPAIGN_ID: campaignId });
    const running = demo;
    await eventually(
      'the demo run to complete',
      () => {
        if (running.child.exitCode !== null) {
          return Promise.reject(new Error(`the demo exited:\n${running.output()}`));
        }
        return Promise.resolve(running.output().includes('Demo run complete') ? true : undefined);
      },
      120_000,
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}\n--- demo ---\n${running.output()}\n--- amiflow ---\n${amiflow.output()}`,
      );
    });
    // Opening to consultations lasts 53 days ÷ 100,000 = 46 s, plus the 5 s lead.
    expect(Date.now() - started).toBeLessThan(90_000);

    const output = running.output();
    expect(output).toContain('everything went as scripted');
    expect(output).toContain('Campaign phase CONSULTATIONS');
    // The late organisation is refused, in French, with the API's machine code.
    expect(output).toMatch(
      /tried to submit after the deadline -> refused \(\d{3} [A-Z_]+\): « .+ »/,
    );
    // Development tokens and curl examples to explore the API.
    expect(output).toMatch(/export OPERATOR_TOKEN=\S+\.\S+\.\S+/);
    expect(output).toContain(
      `curl -H "Authorization: Bearer $OPERATOR_TOKEN" ${amiflow.apiUrl}/campaigns/${campaignId}`,
    );

    expect(await harness.campaignPhase(campaignId)).toBe('CONSULTATIONS');
    const counts = Object.fromEntries(
      (
        await harness.dataSource.query<{ state: string; count: number }[]>(
          `SELECT state, count(*)::int AS count FROM dossier_summaries
            WHERE campaign_id = $1 GROUP BY state`,
          [campaignId],
        )
      ).map(({ state, count }) => [state, count]),
    );
    expect(counts).toEqual({
      CONSULTATION_SCHEDULED: 3,
      NOT_RETAINED: 2,
      INELIGIBLE: 1,
      EXPIRED: 2,
    });
    const incomplete = await harness.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM dossier_summaries
        WHERE campaign_id = $1 AND state IN ('CONSULTATION_SCHEDULED', 'NOT_RETAINED')
          AND completeness_percent < 100`,
      [campaignId],
    );
    expect(incomplete[0].count).toBe(2);
    // Two simulated reviewers scored each screened dossier on the reference grid before it was
    // decided: high where it was shortlisted, low where it was not.
    const scored = await harness.dataSource.query<
      { state: string; reviews: number; lowest: string; highest: string }[]
    >(
      `SELECT s.state, count(*)::int AS reviews,
              min(r.weighted_score) AS lowest, max(r.weighted_score) AS highest
         FROM dossier_reviewers r JOIN dossier_summaries s
           ON s.campaign_id = r.campaign_id AND s.organisation_id = r.organisation_id
        WHERE r.campaign_id = $1 AND r.scored_at IS NOT NULL GROUP BY s.state ORDER BY s.state`,
      [campaignId],
    );
    expect(
      scored.map((row) => [row.state, row.reviews, Number(row.lowest), Number(row.highest)]),
    ).toEqual([
      ['CONSULTATION_SCHEDULED', 6, 15, 20],
      ['NOT_RETAINED', 4, 0, 5],
    ]);

    // The first reviewer tagged each screened dossier's themes before it was decided: the
    // template answers draw `formation` at 0.81 (accepted) and `recherche-partenariats` at 0.70
    // (rejected), so the synthesis holds one common demand, `formation`, across the professions
    // of the three complete screened dossiers (the two incomplete ones never answered the
    // support-forms section that draws it), with their quotes.
    expect(output).toMatch(
      /evaluatrice-demo tagged \S+'s themes: accepted formation \(0\.\d\d\); rejected recherche-partenariats \(0\.\d\d\)/,
    );
    const operatorToken = /export OPERATOR_TOKEN=(\S+)/.exec(output)?.[1];
    const response = await fetch(`${amiflow.apiUrl}/campaigns/${campaignId}/synthesis`, {
      headers: { authorization: `Bearer ${operatorToken}` },
    });
    expect(response.status).toBe(200);
    const synthesis = (await response.json()) as {
      themeMatrix: { rows: { themeId: string; dossiers: number }[] };
      commonDemands: {
        threshold: number;
        demands: {
          themeId: string;
          professions: string[];
          dossiers: number;
          quotes: { organisationId: string; profession: string; quote: string }[];
        }[];
      };
    };
    expect(
      synthesis.themeMatrix.rows.filter((row) => row.dossiers > 0).map((row) => row.themeId),
    ).toEqual(['formation']);
    expect(synthesis.commonDemands.threshold).toBe(2);
    const [demand, ...others] = synthesis.commonDemands.demands;
    expect(others).toEqual([]);
    expect(demand.themeId).toBe('formation');
    expect(demand.dossiers).toBe(3);
    expect(demand.professions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(demand.quotes.map((quote) => quote.profession))).toEqual(
      new Set(demand.professions),
    );
    for (const quote of demand.quotes) {
      expect(quote.quote).toContain('intelligence artificielle');
    }

    const reminders = new Set((await harness.deliveries(campaignId)).map((d) => d.rule_id));
    expect([...reminders].sort()).toEqual(
      expect.arrayContaining(['depot-j-1', 'depot-j-7', 'invitation-ouverture', 'reunion-j-2']),
    );
  }, 180_000);

  // The first run's campaign is not a run of `demo-again`: a database with other campaigns gets
  // no rehearsal beside them (apps/demo/src/config/demo-run.ts; its spec covers the re-runs).
  it('does nothing on a database that holds another campaign, and ends', async () => {
    const again = startDemo(amiflow.apiUrl, {
      DEMO_SPEED: '100000',
      DEMO_CAMPAIGN_ID: 'demo-again',
    });
    expect(await again.exited()).toBe(0);
    expect(again.output()).toContain('no demo beside them');
    expect(await harness.campaignPhase('demo-again')).toBeUndefined();
  }, 60_000);
});
