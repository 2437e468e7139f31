import { DemoOrganisation } from '../scenario/demo-cast';
import { OrganisationDirectory } from '@amiflow/persistence';
import { DataSource } from 'typeorm';

/** Where a campaign stands, from the read models and the delivery ledger. */
export interface CampaignProgress {
  /** Absent until the campaign's first event is projected. */
  readonly phase?: string;
  readonly dossiersByState: Readonly<Record<string, number>>;
  /** Mails accepted by the SMTP server: reminders and mails about dossier events. */
  readonly mailsSent: number;
  /** Of which reminders (invitation, meeting, deadline, consultation…). */
  readonly remindersSent: number;
}

/** What the demo reads: the same tables operators' screens read, never the workflows. */
export class DemoReadModels {
  constructor(private readonly dataSource: DataSource) {}

  /** The ids of the campaigns the database holds, oldest first. */
  async campaignIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ campaign_id: string }[]>(
      'SELECT campaign_id FROM campaign_summaries ORDER BY created_at',
    );
    return rows.map((row) => row.campaign_id);
  }

  async directory(): Promise<DemoOrganisation[]> {
    const entries = await new OrganisationDirectory(this.dataSource).all();
    return entries.map(({ organisationId, name, profile }) => ({ organisationId, name, profile }));
  }

  async phase(campaignId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ phase: string }[]>(
      'SELECT phase FROM campaign_summaries WHERE campaign_id = $1',
      [campaignId],
    );
    return row?.phase;
  }

  async dossierState(campaignId: string, organisationId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ state: string }[]>(
      'SELECT state FROM dossier_summaries WHERE campaign_id = $1 AND organisation_id = $2',
      [campaignId, organisationId],
    );
    return row?.state;
  }

  async progress(campaignId: string): Promise<CampaignProgress> {
    const [phase, states, [mails]] = await Promise.all([
      this.phase(campaignId),
      this.dataSource.query<{ state: string; count: number }[]>(
        `SELECT state, count(*)::int AS count FROM dossier_summaries
          WHERE campaign_id = $1 GROUP BY state`,
        [campaignId],
      ),
      this.dataSource.query<{ sent: number; reminders: number }[]>(
        // Mails about dossier events are recorded under rule ids `event:…`.
        `SELECT count(*)::int AS sent,
                count(*) FILTER (WHERE rule_id NOT LIKE 'event:%')::int AS reminders
           FROM reminder_deliveries WHERE campaign_id = $1 AND status = 'SENT'`,
        [campaignId],
      ),
    ]);
    return {
      phase,
      dossiersByState: Object.fromEntries(states.map(({ state, count }) => [state, count])),
      mailsSent: mails?.sent ?? 0,
      remindersSent: mails?.reminders ?? 0,
    };
  }
}
