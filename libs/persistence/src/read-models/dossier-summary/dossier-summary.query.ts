import type { Dossier } from '@amiflow/domain';
import { DataSource } from 'typeorm';
import { DossierSummaryEntity } from './dossier-summary.entity';

export interface DossierPageFilter {
  readonly campaignId: string;
  readonly state?: string;
  readonly organisationType?: string;
  readonly profession?: string;
  /** One organisation's dossier only (what an organisation's own listing shows). */
  readonly organisationId?: string;
  /** Words searched in the organisation's name, case- and accent-sensitive substring. */
  readonly text?: string;
}

/** Where the previous page ended: its last row's sort key. */
export interface DossierPageCursor {
  readonly lastChangeAt: string;
  readonly organisationId: string;
}

export interface DossierPage {
  readonly items: DossierSummaryEntity[];
  /** Present when more rows follow. */
  readonly next?: DossierPageCursor;
}

const COLUMNS = `campaign_id AS "campaignId", organisation_id AS "organisationId",
  stream_id AS "streamId", organisation_name AS "organisationName",
  organisation_type AS "organisationType", profession, state,
  completeness_percent AS "completenessPercent",
  missing_required_sections AS "missingRequiredSections", next_deadline AS "nextDeadline",
  submitted_at AS "submittedAt", created_at AS "createdAt", last_change_at AS "lastChangeAt",
  last_event_type AS "lastEventType", version`;

export class DossierSummaryQuery {
  constructor(private readonly dataSource: DataSource) {}

  findOne(campaignId: string, organisationId: string): Promise<DossierSummaryEntity | null> {
    return this.dataSource
      .getRepository(DossierSummaryEntity)
      .findOneBy({ campaignId, organisationId });
  }

  /** The dossier as the domain folds it. */
  async state(campaignId: string, organisationId: string): Promise<Dossier | null> {
    const [row] = await this.dataSource.query<{ snapshot: Dossier }[]>(
      'SELECT snapshot FROM dossier_summaries WHERE campaign_id = $1 AND organisation_id = $2',
      [campaignId, organisationId],
    );
    return row?.snapshot ?? null;
  }

  /** The dossiers of a campaign in these states, as the domain folds them. */
  async statesIn(campaignId: string, states: readonly string[]): Promise<Dossier[]> {
    const rows = await this.dataSource.query<{ snapshot: Dossier }[]>(
      `SELECT snapshot FROM dossier_summaries
        WHERE campaign_id = $1 AND state = ANY($2::text[]) ORDER BY organisation_id`,
      [campaignId, states],
    );
    return rows.map((row) => row.snapshot);
  }

  /**
   * Latest change first, by keyset (never OFFSET): a deep page costs what the first one does.
   * Plain SQL: this is the operators' hot path.
   */
  async page(
    filter: DossierPageFilter,
    limit: number,
    after?: DossierPageCursor,
  ): Promise<DossierPage> {
    const conditions = ['campaign_id = $1'];
    const params: unknown[] = [filter.campaignId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.state !== undefined) add('state = ?', filter.state);
    if (filter.organisationType !== undefined)
      add('organisation_type = ?', filter.organisationType);
    if (filter.profession !== undefined) add('profession = ?', filter.profession);
    if (filter.organisationId !== undefined) add('organisation_id = ?', filter.organisationId);
    if (filter.text !== undefined) add(`organisation_name ILIKE ?`, `%${escapeLike(filter.text)}%`);
    if (after) {
      params.push(after.lastChangeAt, after.organisationId);
      conditions.push(
        `(last_change_at, organisation_id) < ($${params.length - 1}::timestamptz, $${params.length})`,
      );
    }
    params.push(limit + 1);
    const rows = await this.dataSource.query<DossierSummaryEntity[]>(
      `SELECT ${COLUMNS} FROM dossier_summaries WHERE ${conditions.join(' AND ')}
        ORDER BY last_change_at DESC, organisation_id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      next:
        rows.length > limit && last
          ? { lastChangeAt: last.lastChangeAt.toISOString(), organisationId: last.organisationId }
          : undefined,
    };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
