import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@amiflow/config';
import { Actor } from '@amiflow/contracts';
import {
  CampaignCommand,
  CampaignDefinition,
  Dossier,
  DossierCampaignTerms,
  DossierCommand,
  dossierTermsOf,
  isCampaign,
  OrganisationType,
} from '@amiflow/domain';
import { testActors } from '@amiflow/domain/testing';
import { sendCampaignCommand, sendDossierCommand } from '@amiflow/lifecycle-client';
import { DirectoryEntry, DossierSummaryQuery, OrganisationDirectory } from '@amiflow/persistence';
import { openTestDataSource } from '@amiflow/persistence/testing';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { DataSource } from 'typeorm';
import { CaughtMail, mailsTo } from '@amiflow/activities/testing';

export type { CaughtMail };
import { eventually } from './eventually';

// Re-exported so that the specs importing them from here keep working; their home is eventually.ts.
export { eventually, until } from './eventually';

// The one set of test actors (libs/domain/src/testing/test-actors.ts), by the names specs use.
export const admin: Actor = testActors.admin;
export const operator: Actor = testActors.operator;

/** Where the mails of a test organisation go. */
export const addressOf = (organisationId: string) => `${organisationId}@test.example`;

/** Drives campaigns and dossiers the way the API does: updates, update-with-start to create. */
export class LifecycleHarness {
  private constructor(
    readonly config: AppConfig,
    readonly client: Client,
    readonly dataSource: DataSource,
    private readonly connection: Connection,
  ) {}

  static async open(): Promise<LifecycleHarness> {
    const config = loadConfig(process.env);
    const connection = await Connection.connect({ address: config.temporal.address });
    const client = new Client({ connection, namespace: config.temporal.namespace });
    return new LifecycleHarness(config, client, await openTestDataSource(), connection);
  }

  async close(): Promise<void> {
    await this.connection.close();
    await this.dataSource.destroy();
  }

  campaign(campaignId: string, command: CampaignCommand, actor: Actor = admin) {
    const correlationId = `test-${campaignId}`;
    return sendCampaignCommand(this.client, campaignId, { command, actor, correlationId });
  }

  /** Moves the campaign's meeting to start at `startsAt` (epoch ms) for 1 s, as an administrator. */
  moveMeeting(campaignId: string, startsAt: number) {
    return this.campaign(campaignId, {
      type: 'ChangeCampaignCalendar',
      changes: {
        meetingStartsAt: new Date(startsAt).toISOString(),
        meetingEndsAt: new Date(startsAt + 1000).toISOString(),
      },
      reason: 'Salle indisponible.',
      actor: admin,
    });
  }

  dossier(
    campaignId: string,
    organisationId: string,
    command: DossierCommand,
    actor: Actor = testActors.organisation(organisationId),
  ) {
    const correlationId = `test-${campaignId}-${organisationId}`;
    return sendDossierCommand(this.client, campaignId, organisationId, {
      command,
      actor,
      correlationId,
    });
  }

  /**
   * Creates and publishes a campaign through its workflow, as an administrator, and waits until
   * its read model says it is open (its opening date must be near): what a dossier's draft is
   * then given, the campaign's terms.
   */
  async openCampaign(
    campaignId: string,
    definition: CampaignDefinition,
  ): Promise<DossierCampaignTerms> {
    await this.campaign(campaignId, {
      type: 'CreateCampaign',
      campaignId,
      definition,
      actor: admin,
    });
    const published = await this.campaign(campaignId, { type: 'PublishCampaign', actor: admin });
    if (!isCampaign(published.state)) throw new Error(`${campaignId} was not published`);
    await eventually('the campaign to open', async () =>
      (await this.campaignPhase(campaignId)) === 'OPEN' ? true : undefined,
    );
    return dossierTermsOf(published.state);
  }

  /** Lists the organisation in the directory (with `addressOf` it), then opens its draft. */
  async openDraft(
    campaignId: string,
    organisationId: string,
    organisationType: OrganisationType,
    terms: DossierCampaignTerms,
  ) {
    await this.register({
      organisationId,
      name: `Organisation ${organisationId}`,
      type: organisationType,
      email: addressOf(organisationId),
    });
    return this.dossier(campaignId, organisationId, {
      type: 'CreateDossierDraft',
      campaignId,
      organisationId,
      organisationName: `Organisation ${organisationId}`,
      organisationType,
      terms,
    });
  }

  /** Lists an organisation in the directory, as an administrator would. */
  register(entry: DirectoryEntry): Promise<void> {
    return new OrganisationDirectory(this.dataSource).upsert(entry);
  }

  /** The dossier's state as its read model shows it. */
  async dossierState(campaignId: string, organisationId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ state: string }[]>(
      'SELECT state FROM dossier_summaries WHERE campaign_id = $1 AND organisation_id = $2',
      [campaignId, organisationId],
    );
    return row?.state;
  }

  async dossierSnapshot(campaignId: string, organisationId: string): Promise<Dossier> {
    const dossier = await new DossierSummaryQuery(this.dataSource).state(
      campaignId,
      organisationId,
    );
    if (!dossier) throw new Error(`No dossier ${campaignId}/${organisationId}`);
    return dossier;
  }

  async campaignPhase(campaignId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ phase: string }[]>(
      'SELECT phase FROM campaign_summaries WHERE campaign_id = $1',
      [campaignId],
    );
    return row?.phase;
  }

  async eventTypes(streamId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ type: string }[]>(
      'SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version',
      [streamId],
    );
    return rows.map((row) => row.type);
  }

  /** The reminders delivered for a campaign (the mails about dossier events left out). */
  async deliveries(campaignId: string, { except }: { except?: string } = {}) {
    return this.dataSource.query<
      {
        rule_id: string;
        kind: string;
        recipient: string;
        status: string;
        due_at: Date;
        delivered_at: Date;
      }[]
    >(
      `SELECT rule_id, kind, recipient, status, due_at, delivered_at FROM reminder_deliveries
        WHERE campaign_id = $1 AND rule_id IS DISTINCT FROM $2
          AND rule_id NOT LIKE 'event:%' ORDER BY due_at, recipient`,
      [campaignId, except ?? null],
    );
  }

  /**
   * What a lifecycle is waiting on, to explain a test that timed out: its status, its pending
   * activities (attempt, last failure) and the last events of its history.
   */
  async whyStuck(workflowId: string): Promise<string> {
    try {
      const handle = this.client.workflow.getHandle(workflowId);
      const { status, raw } = await handle.describe();
      const pending = (raw.pendingActivities ?? []).map(
        (activity) =>
          `  pending ${activity.activityType?.name} attempt ${activity.attempt}` +
          (activity.lastFailure?.message ? ` (last failure: ${activity.lastFailure.message})` : ''),
      );
      const history = await handle.fetchHistory();
      const tail = (history.events ?? []).slice(-8).map((event) => {
        const type = temporal.api.enums.v1.EventType[event.eventType ?? 0];
        const at = new Date(Number(event.eventTime?.seconds ?? 0) * 1000).toISOString();
        return `  ${at} ${type}`;
      });
      return [`${workflowId}: ${status.name}`, ...pending, ...tail].join('\n');
    } catch (error) {
      return `${workflowId}: ${(error as Error).message}`;
    }
  }

  /** What the test mail catcher received for this address, oldest first. */
  mailsTo(address: string): Promise<CaughtMail[]> {
    return mailsTo(address);
  }
}

/**
 * With RECORD_HISTORIES=1, saves a workflow's history under test/replay/histories/, where the
 * replay test (test/replay/replay.int-spec.ts) replays it against the current workflow code.
 */
export async function recordHistory(
  harness: LifecycleHarness,
  workflowId: string,
  name: string,
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await harness.client.workflow.getHandle(workflowId).fetchHistory();
  const directory = join(__dirname, '..', 'replay', 'histories');
  mkdirSync(directory, { recursive: true });
  // Binary, as the server sends it: the JSON route trips over two copies of protobufjs here.
  writeFileSync(
    // A suffix keeps the histories of earlier code beside the new ones: both must replay.
    join(directory, `${name}${process.env.RECORD_HISTORIES_SUFFIX ?? ''}.binpb`),
    temporal.api.history.v1.History.encode(history).finish(),
  );
}
