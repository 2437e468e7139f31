import type { Campaign } from '@amiflow/domain';
import { DataSource } from 'typeorm';
import {
  CampaignDossierCountEntity,
  CampaignSummaryEntity,
  MeetingRegistrationEntity,
} from './campaign-summary.entity';

export interface CampaignOverview {
  readonly summary: CampaignSummaryEntity;
  /** Dossiers by state; states no dossier is in are absent. */
  readonly dossierCounts: Readonly<Record<string, number>>;
}

export class CampaignSummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  async findOne(campaignId: string): Promise<CampaignOverview | null> {
    const summary = await this.dataSource
      .getRepository(CampaignSummaryEntity)
      .findOneBy({ campaignId });
    if (!summary) return null;
    return { summary, dossierCounts: await this.dossierCounts(campaignId) };
  }

  async dossierCounts(campaignId: string): Promise<Record<string, number>> {
    const rows = await this.dataSource
      .getRepository(CampaignDossierCountEntity)
      .findBy({ campaignId });
    return Object.fromEntries(
      rows.filter((row) => row.count > 0).map((row) => [row.state, row.count]),
    );
  }

  /** Confirmed first, then the waiting list, each in order of registration. */
  registrations(campaignId: string): Promise<MeetingRegistrationEntity[]> {
    return this.dataSource
      .getRepository(MeetingRegistrationEntity)
      .find({ where: { campaignId }, order: { position: 'ASC' } });
  }

  /** The campaign as the domain folds it: what a dossier's terms are taken from. */
  async state(campaignId: string): Promise<Campaign | null> {
    const [row] = await this.dataSource.query<{ snapshot: Campaign }[]>(
      'SELECT snapshot FROM campaign_summaries WHERE campaign_id = $1',
      [campaignId],
    );
    return row?.snapshot ?? null;
  }
}
