import 'reflect-metadata';
import { ApiConfig, loadConfig, temporalConnectionOptions } from '@amiflow/config';
import { referenceCampaign } from '@amiflow/domain';
import { castDemoOrganisations } from './scenario/demo-cast';
import { CampaignSummaryQuery, createDataSource, DossierSummaryQuery } from '@amiflow/persistence';
import { Client, Connection } from '@temporalio/client';
import { DevTokens } from './actors/dev-tokens';
import { HttpGateway } from './actors/http-gateway';
import { TemporalGateway } from './actors/temporal-gateway';
import { loadDemoConfig } from './config/demo-config';
import { demoRunCampaignId } from './config/demo-run';
import { planDemo, runDemo } from './driver/demo-driver';
import { exploreInstructions } from './explore/explore-instructions';
import { displayFor } from './progress/console-display';
import { ProgressMonitor } from './progress/progress-monitor';
import { DemoReadModels } from './read-models/demo-read-models';

/**
 * `npm start`'s demo: plays the 2019 reference campaign on a compressed calendar with simulated
 * organisations and an operator, showing its progress until stopped. Each start plays a new run
 * (see `demoRunCampaignId`); on a database holding any other campaign, says so and ends.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const demo = loadDemoConfig(process.env);
  const display = displayFor(process.stdout);
  if (!demo.enabled) return display.log('DEMO=off: no demo');

  const dataSource = await createDataSource(config.database, 'amiflow-demo').initialize();
  const readModels = new DemoReadModels(dataSource);
  const tokens = DevTokens.from(config.auth);
  const apiUrl = apiUrlOf(config.api);
  const directory = await readModels.directory();
  const explore = async (campaignId: string, organisationId: string) => {
    const exploreTokens = tokens && {
      operator: await tokens.for('operator'),
      organisation: { organisationId, token: await tokens.for('organisation', organisationId) },
    };
    exploreInstructions(apiUrl, campaignId, exploreTokens).forEach((line) => display.log(line));
  };

  const existing = await readModels.campaignIds();
  const campaignId = demoRunCampaignId(demo.campaignId, existing);
  if (campaignId === undefined) {
    display.log(
      `The database holds campaigns other than demo runs (${existing.join(', ')}): no demo ` +
        'beside them.',
    );
    const [first] = castDemoOrganisations(directory, referenceCampaign.definition.eligibility);
    await explore(
      existing[0] ?? demo.campaignId,
      first?.organisation.organisationId ?? 'cnp-radiologie',
    );
    await dataSource.destroy();
    return;
  }
  if (existing.length > 0) {
    display.log(
      `Earlier demo runs stay in the database (${existing.join(', ')}); this one plays as ` +
        `${campaignId}.`,
    );
  }

  const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const temporal = new TemporalGateway(
    client,
    new CampaignSummaryQuery(dataSource),
    new DossierSummaryQuery(dataSource),
  );
  const gateway = tokens ? new HttpGateway(apiUrl, tokens, temporal) : temporal;
  const plan = planDemo(directory, { ...demo, campaignId }, Date.now());
  const monitor = new ProgressMonitor(
    readModels,
    display,
    plan.campaignId,
    plan.compressed.scale,
    plan.definition.timeZone,
    process.stdout.isTTY ? 1_000 : 2_000,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      monitor.stop();
      void Promise.allSettled([connection.close(), dataSource.destroy()]).then(() =>
        process.exit(0),
      );
    });
  }

  await explore(plan.campaignId, plan.roles[0]?.organisation.organisationId ?? 'cnp-radiologie');
  monitor.start();
  const outcome = await runDemo(plan, gateway, readModels, (line) => display.log(line));
  // The consultations phase may have begun since the last reading: show it before the summary.
  await monitor.tick();
  display.log(
    `Demo run complete: ${outcome.consultationsScheduled} consultation(s) scheduled; ` +
      (outcome.problems.length === 0
        ? 'everything went as scripted.'
        : `${outcome.problems.length} step(s) did not go as scripted (see above).`) +
      ' The line keeps updating as consultation reminders go out; Ctrl-C stops everything.',
  );
}

/** The API as a client reaches it: a wildcard listening address means this machine. */
function apiUrlOf(api: ApiConfig): string {
  const host = api.host === '0.0.0.0' || api.host === '::' ? '127.0.0.1' : api.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${api.port}`;
}

main().catch((error: unknown) => {
  console.error(`[demo] stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
