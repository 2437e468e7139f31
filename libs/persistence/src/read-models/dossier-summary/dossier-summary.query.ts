import type { Dossier } from '@amiflow/domain';
import { DataSource } from 'typeorm';
import { DossierSummaryEntity } from './dossier-summary.entity';
import { searchText } from './search-text';

export interface DossierPageFilter {
  readonly campaignId: string;
  readonly state?: string;
  readonly organisationType?: string;
  /** A profession, whatever its case, accents and ligatures (compared by `searchText`). */
  readonly profession?: string;
  /** One organisation's dossier only (what an organisation's own listing shows). */
  readonly organisationId?: string;
  /** Words searched in the organisation's name: a substring, ignoring case, accents, ligatures. */
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

/** A group of a campaign's dossiers: how many there are, and how many were ever submitted. */
export interface DossierGroupCount {
  readonly dossiers: number;
  readonly submitted: number;
}

/** A form of State support retained at consultation, and for whom. */
export interface RetainedSupportForm {
  readonly supportFormId: string;
  readonly dossiers: number;
  /** Distinct professions of those dossiers, sorted; dossiers without a profession add none. */
  readonly professions: string[];
}

/** What the answers to a campaign add up to, from the dossier summaries. */
export interface DossierSynthesis {
  readonly byState: (DossierGroupCount & { readonly state: string })[];
  readonly byProfession: (DossierGroupCount & { readonly profession: string | null })[];
  readonly byOrganisationType: (DossierGroupCount & { readonly organisationType: string })[];
  /** Only the forms some consultation retained, most retained first. */
  readonly bySupportForm: RetainedSupportForm[];
}

interface GroupRow {
  readonly grouping: number;
  readonly state: string | null;
  readonly profession: string | null;
  readonly organisationType: string | null;
  readonly dossiers: number;
  readonly submitted: number;
}

// GROUPING() sets a bit for each column the row is not grouped by (state, profession, type).
const BY_STATE = 0b011;
const BY_PROFESSION = 0b101;
const BY_ORGANISATION_TYPE = 0b110;

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

  /**
   * The dossier's eligibility decision as the domain folded it (undefined before any), read out
   * of the snapshot alone: the answers it also holds can weigh a megabyte.
   */
  async eligibility(
    campaignId: string,
    organisationId: string,
  ): Promise<Dossier['eligibility'] | undefined> {
    const [row] = await this.dataSource.query<{ eligibility: Dossier['eligibility'] | null }[]>(
      `SELECT snapshot->'eligibility' AS eligibility FROM dossier_summaries
        WHERE campaign_id = $1 AND organisation_id = $2`,
      [campaignId, organisationId],
    );
    return row?.eligibility ?? undefined;
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
    const { sql, params } = dossierPageStatement(filter, limit, after);
    const rows = await this.dataSource.query<DossierSummaryEntity[]>(sql, params);
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

  /**
   * The campaign's dossiers counted by state, profession and organisation type (one scan, by
   * grouping sets), and the support forms their consultations retained, from the snapshots.
   */
  async synthesis(campaignId: string): Promise<DossierSynthesis> {
    const groups = await this.dataSource.query<GroupRow[]>(
      `SELECT GROUPING(state, profession, organisation_type)::int AS grouping, state, profession,
              organisation_type AS "organisationType", count(*)::int AS dossiers,
              count(submitted_at)::int AS submitted
         FROM dossier_summaries WHERE campaign_id = $1
        GROUP BY GROUPING SETS ((state), (profession), (organisation_type))
        ORDER BY dossiers DESC, state, profession NULLS LAST, organisation_type`,
      [campaignId],
    );
    const counts = ({ dossiers, submitted }: GroupRow) => ({ dossiers, submitted });
    const supportForms = await this.dataSource.query<RetainedSupportForm[]>(
      `SELECT form AS "supportFormId", count(*)::int AS dossiers,
              coalesce(array_agg(DISTINCT d.profession ORDER BY d.profession)
                         FILTER (WHERE d.profession IS NOT NULL), '{}') AS professions
         FROM dossier_summaries d
        CROSS JOIN LATERAL jsonb_array_elements_text(
                coalesce(d.snapshot #> '{outcome,supportFormIds}', '[]'::jsonb)) AS form
        WHERE d.campaign_id = $1
        GROUP BY form ORDER BY dossiers DESC, form`,
      [campaignId],
    );
    return {
      byState: groups
        .filter((row) => row.grouping === BY_STATE)
        .map((row) => ({ state: row.state as string, ...counts(row) })),
      byProfession: groups
        .filter((row) => row.grouping === BY_PROFESSION)
        .map((row) => ({ profession: row.profession, ...counts(row) })),
      byOrganisationType: groups
        .filter((row) => row.grouping === BY_ORGANISATION_TYPE)
        .map((row) => ({ organisationType: row.organisationType as string, ...counts(row) })),
      bySupportForm: supportForms,
    };
  }
}

/**
 * The SQL of a page of dossiers (one more row than `limit`, to know whether more follow), kept
 * apart from its execution so that tests can EXPLAIN exactly what the list runs.
 */
export function dossierPageStatement(
  filter: DossierPageFilter,
  limit: number,
  after?: DossierPageCursor,
): { sql: string; params: unknown[] } {
  const conditions = ['campaign_id = $1'];
  const params: unknown[] = [filter.campaignId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.state !== undefined) add('state = ?', filter.state);
  if (filter.organisationType !== undefined) add('organisation_type = ?', filter.organisationType);
  if (filter.profession !== undefined) {
    add('search_profession = ?', searchText(filter.profession));
  }
  if (filter.organisationId !== undefined) add('organisation_id = ?', filter.organisationId);
  // The trigram index on search_name serves this LIKE from three characters on.
  if (filter.text !== undefined) {
    add('search_name LIKE ?', `%${escapeLike(searchText(filter.text))}%`);
  }
  if (after) {
    params.push(after.lastChangeAt, after.organisationId);
    conditions.push(
      `(last_change_at, organisation_id) < ($${params.length - 1}::timestamptz, $${params.length})`,
    );
  }
  params.push(limit + 1);
  return {
    sql: `SELECT ${COLUMNS} FROM dossier_summaries WHERE ${conditions.join(' AND ')}
        ORDER BY last_change_at DESC, organisation_id DESC LIMIT $${params.length}`,
    params,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
