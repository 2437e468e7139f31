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

export interface CampaignPageFilter {
  /** Phases whose campaigns are left out (an organisation never sees a draft). */
  readonly hiddenPhases?: readonly string[];
}

/** Where the previous page ended: its last row's sort key. */
export interface CampaignPageCursor {
  readonly createdAt: string;
  readonly campaignId: string;
}

export interface CampaignPage {
  readonly items: CampaignOverview[];
  /** Present when more rows follow. */
  readonly next?: CampaignPageCursor;
}

const SUMMARY_COLUMNS = `campaign_id AS "campaignId", stream_id AS "streamId", title, phase,
  time_zone AS "timeZone", calendar, created_at AS "createdAt",
  phase_changed_at AS "phaseChangedAt", version`;

export class CampaignSummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Newest campaign first, by keyset, each with its dossier counts: two statements whatever the
   * page size (the counts of the whole page are read at once).
   */
  async page(
    filter: CampaignPageFilter,
    limit: number,
    after?: CampaignPageCursor,
  ): Promise<CampaignPage> {
    const params: unknown[] = [filter.hiddenPhases ?? []];
    let keyset = '';
    if (after) {
      params.push(after.createdAt, after.campaignId);
      keyset = 'AND (created_at, campaign_id) < ($2::timestamptz, $3)';
    }
    params.push(limit + 1);
    const rows = await this.dataSource.query<CampaignSummaryEntity[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM campaign_summaries
        WHERE phase <> ALL($1::text[]) ${keyset}
        ORDER BY created_at DESC, campaign_id DESC LIMIT $${params.length}`,
      params,
    );
    const summaries = rows.slice(0, limit);
    const counts = await this.dossierCountsOf(summaries.map((summary) => summary.campaignId));
    const last = summaries.at(-1);
    return {
      items: summaries.map((summary) => ({
        summary,
        dossierCounts: counts.get(summary.campaignId) ?? {},
      })),
      next:
        rows.length > limit && last
          ? { createdAt: last.createdAt.toISOString(), campaignId: last.campaignId }
          : undefined,
    };
  }

  private async dossierCountsOf(
    campaignIds: readonly string[],
  ): Promise<Map<string, Record<string, number>>> {
    const rows = await this.dataSource.query<
      { campaignId: string; state: string; count: number }[]
    >(
      `SELECT campaign_id AS "campaignId", state, count FROM campaign_dossier_counts
        WHERE campaign_id = ANY($1::text[]) AND count > 0 ORDER BY campaign_id, state`,
      [campaignIds],
    );
    const counts = new Map<string, Record<string, number>>();
    for (const row of rows) {
      counts.set(row.campaignId, { ...counts.get(row.campaignId), [row.state]: row.count });
    }
    return counts;
  }

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
