import { isLate, refusals } from '@amiflow/domain';
import { CampaignSummaryQuery, DossierSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_SIZE } from '../common/page-cursor';
import { decodeDueCursor, encodeDueCursor } from '../dossiers/dossier-list-cursor';
import { DueOutput } from './dtos/due.output';
import { DueQuery } from './dtos/due.query';

const DAY_MS = 86_400_000;

/** The deadline view: what falls due on a campaign's dossiers, and what is late. */
@Injectable()
export class DeadlinesService {
  constructor(
    @Inject(DossierSummaryQuery) private readonly summaries: DossierSummaryQuery,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
  ) {}

  /** Everything late plus what falls due within `days` days of now, least time left first. */
  async due(campaignId: string, query: DueQuery): Promise<DueOutput> {
    if (!(await this.campaigns.state(campaignId))) {
      throw refusals.campaignNotFound(campaignId);
    }
    const now = new Date();
    const until = new Date(now.getTime() + (query.days ?? 7) * DAY_MS);
    const page = await this.summaries.dueItems(
      campaignId,
      until,
      query.limit ?? DEFAULT_PAGE_SIZE,
      query.cursor === undefined ? undefined : decodeDueCursor(query.cursor),
    );
    return {
      items: page.items.map((item) => {
        const dueAt = item.dueAt.toISOString();
        return {
          organisationId: item.organisationId,
          organisationName: item.organisationName,
          status: item.status,
          kind: item.kind,
          dueAt,
          late: isLate(dueAt, now),
          msLeft: item.dueAt.getTime() - now.getTime(),
          label: item.label,
        };
      }),
      nextCursor: page.next ? encodeDueCursor(page.next) : null,
    };
  }
}
