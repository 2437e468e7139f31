import type { Answers, Dossier } from '@amiflow/domain';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
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
  /** Only dossiers whose next item falls due strictly before this instant. */
  readonly dueBefore?: Date;
  /** Only dossiers with an item that is late at the request's `now`. */
  readonly lateOnly?: boolean;
}

/** The operators' tabs (`DossierTab` of the domain); `all` filters nothing. */
export type DossierListTab = 'to-process' | 'awaiting-organisation' | 'processed' | 'all';

export const DOSSIER_SORT_KEYS = [
  'updatedAt',
  'submittedAt',
  'nextDueAt',
  'organisationName',
  'status',
  'completeness',
] as const;
export type DossierSortKey = (typeof DOSSIER_SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';
export type SortValueType = 'instant' | 'text' | 'integer';

/**
 * What each sort orders by, ties broken by organisation id in the same direction. Instants that
 * may be missing sort as infinitely far (`'infinity'`): a draft after every submitted dossier,
 * a dossier with nothing due after every one with something due.
 */
const SORTS: Record<DossierSortKey, { readonly expression: string; readonly type: SortValueType }> =
  {
    updatedAt: { expression: 'last_change_at', type: 'instant' },
    submittedAt: { expression: "coalesce(submitted_at, 'infinity')", type: 'instant' },
    nextDueAt: { expression: "coalesce(next_due_at, 'infinity')", type: 'instant' },
    organisationName: { expression: 'organisation_name', type: 'text' },
    status: { expression: 'state', type: 'text' },
    completeness: { expression: 'completeness_percent', type: 'integer' },
  };

/** The type of a sort's values, for whoever decodes a cursor. */
export function sortValueType(sort: DossierSortKey): SortValueType {
  return SORTS[sort].type;
}

/** Latest change first by default; every other sort, smallest first. */
export function defaultOrder(sort: DossierSortKey): SortOrder {
  return sort === 'updatedAt' ? 'desc' : 'asc';
}

/** Where the previous page ended: its last row's sort value (null: an instant not set). */
export interface DossierPageCursor {
  readonly value: string | number | null;
  readonly organisationId: string;
}

export interface DossierPageRequest {
  readonly tab?: DossierListTab;
  readonly sort?: DossierSortKey;
  readonly order?: SortOrder;
  readonly limit: number;
  readonly after?: DossierPageCursor;
  /** The instant tabs and lateness are judged at. */
  readonly now: Date;
}

/**
 * A row of a list page: what the list shows of a dossier summary, its instants already written
 * as the API writes them (ISO 8601 in UTC to the millisecond, `Date#toISOString`'s format).
 */
export interface DossierListRow {
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationType: string;
  readonly profession: string | null;
  readonly state: string;
  readonly completenessPercent: number;
  readonly missingRequiredSections: string[];
  readonly nextDeadline: string | null;
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly lastChangeAt: string;
  readonly version: number;
  readonly nextDueAt: string | null;
  readonly nextDueKind: string | null;
}

/** The list row of a summary read through TypeORM (one dossier's read, not the hot path). */
export function dossierListRowOf(summary: DossierSummaryEntity): DossierListRow {
  const instant = (date: Date | null) => date?.toISOString() ?? null;
  return {
    campaignId: summary.campaignId,
    organisationId: summary.organisationId,
    organisationName: summary.organisationName,
    organisationType: summary.organisationType,
    profession: summary.profession,
    state: summary.state,
    completenessPercent: summary.completenessPercent,
    missingRequiredSections: summary.missingRequiredSections,
    nextDeadline: instant(summary.nextDeadline),
    submittedAt: instant(summary.submittedAt),
    createdAt: summary.createdAt.toISOString(),
    lastChangeAt: summary.lastChangeAt.toISOString(),
    version: summary.version,
    nextDueAt: instant(summary.nextDueAt),
    nextDueKind: summary.nextDueKind,
  };
}

/** An item of a list page: the row, and whether its next item is late at the request's `now`. */
export interface DossierListItem extends DossierListRow {
  readonly late: boolean;
}

export interface DossierPage {
  readonly items: DossierListItem[];
  /** Present when more rows follow. */
  readonly next?: DossierPageCursor;
}

/** How many of the filtered dossiers each tab holds, and how many are in each state. */
export interface DossierCounts {
  readonly tabs: {
    readonly toProcess: number;
    readonly awaitingOrganisation: number;
    readonly processed: number;
    readonly all: number;
  };
  /** Only the states some dossier is in. */
  readonly byStatus: Record<string, number>;
}

/** One row of the deadline view. */
export interface DueItemRow {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly status: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly label: string;
  readonly position: number;
}

/** Where a page of the deadline view ended. */
export interface DueItemCursor {
  readonly dueAt: string;
  readonly organisationId: string;
  readonly position: number;
}

/**
 * An instant as `Date#toISOString` writes it, written by PostgreSQL (milliseconds truncated, as
 * a Date holds them): parsing the dates of a page of 50 into Date objects, only to write them
 * back as text, took a tenth of the list's time in Node.
 */
const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The columns of a list item (`DossierListItem`), named and ordered as the API writes a dossier
 * (`DossierOutput`), so that a row is the item as it is served: the instants as text the way
 * `Date#toISOString` writes them, the missing sections as JSON (one JSON.parse rather than
 * PostgreSQL's array syntax read character by character), and `late` judged at the request's
 * instant as the domain's `isLate` judges it (the instant to the millisecond, strictly before).
 */
const listColumns = (nowParam: string) => `campaign_id AS "campaignId",
  organisation_id AS "organisationId", organisation_name AS "organisationName",
  organisation_type AS "organisationType", profession, state,
  completeness_percent AS "completenessPercent",
  array_to_json(missing_required_sections) AS "missingRequiredSections",
  ${iso('next_deadline')} AS "nextDeadline", ${iso('next_due_at')} AS "nextDueAt",
  next_due_kind AS "nextDueKind",
  coalesce(date_trunc('milliseconds', next_due_at) < ${nowParam}, false) AS late,
  ${iso('submitted_at')} AS "submittedAt", version, ${iso('created_at')} AS "createdAt",
  ${iso('last_change_at')} AS "lastChangeAt"`;

/** The list item's field each sort's cursor is read from. */
const CURSOR_FIELDS: Record<DossierSortKey, string> = {
  updatedAt: 'lastChangeAt',
  submittedAt: 'submittedAt',
  nextDueAt: 'nextDueAt',
  organisationName: 'organisationName',
  status: 'state',
  completeness: 'completenessPercent',
};

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
   * The dossier as the domain folded it, but for its answers, which can weigh a megabyte: what
   * the read of one dossier shows (eligibility, consultation, follow-ups, what operators may do).
   */
  async stateWithoutAnswers(
    campaignId: string,
    organisationId: string,
  ): Promise<Omit<Dossier, 'answers'> | null> {
    const [row] = await this.dataSource.query<{ snapshot: Omit<Dossier, 'answers'> }[]>(
      `SELECT snapshot - 'answers' AS snapshot FROM dossier_summaries
        WHERE campaign_id = $1 AND organisation_id = $2`,
      [campaignId, organisationId],
    );
    return row?.snapshot ?? null;
  }

  /** The dossier's answers by section id, as the domain folded them (null: no such dossier). */
  async answers(campaignId: string, organisationId: string): Promise<Answers | null> {
    const [row] = await this.dataSource.query<{ answers: Answers | null }[]>(
      `SELECT snapshot->'answers' AS answers FROM dossier_summaries
        WHERE campaign_id = $1 AND organisation_id = $2`,
      [campaignId, organisationId],
    );
    return row ? (row.answers ?? {}) : null;
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
   * A page of a campaign's dossiers, in a tab, sorted (by default latest change first), by
   * keyset (never OFFSET): a deep page costs what the first one does. The operators' hot
   * path: the statement is prepared on each connection of the driver's pool (planned once, not
   * at every call), its rows are the API's items as they are served; the tabs and the due-time
   * sort have their index (the other sorts are a top-N sort of the campaign's rows). Writing the
   * page's JSON in PostgreSQL instead was tried: the API spent less, PostgreSQL's execution went
   * from about 0.2 to 0.64 ms a page, and fewer pages were served (docs/testing.md).
   */
  async page(filter: DossierPageFilter, request: DossierPageRequest): Promise<DossierPage> {
    const { sql, params, limit } = dossierPageStatement(filter, request);
    const { rows } = await this.pool().query<DossierListItem>({
      name: statementName(sql),
      text: sql,
      values: params,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const cursorField = CURSOR_FIELDS[request.sort ?? 'updatedAt'] as keyof DossierListItem;
    return {
      items,
      next:
        rows.length > limit && last
          ? {
              value: last[cursorField] as string | number | null,
              organisationId: last.organisationId,
            }
          : undefined,
    };
  }

  /**
   * The first instant after `now` (milliseconds since the epoch; null: none) at which a campaign's
   * dossier may enter or leave a list filtered by time: `late` (an item due strictly before now,
   * so a dossier due at d enters at d + 1 ms) or the « à traiter » tab (waiting on an operator
   * since an instant now has reached, so it enters at that instant). What a page of such a list
   * holds stays true until then, whatever its other filters (this takes the campaign's rows).
   */
  async nextListChange(
    campaignId: string,
    now: Date,
    what: { readonly lateness: boolean; readonly toProcess: boolean },
  ): Promise<number | null> {
    const [row] = await this.dataSource.query<{ due: string | null; waiting: string | null }[]>(
      `SELECT CASE WHEN $3 THEN
                (SELECT floor(extract(epoch FROM min(next_due_at)) * 1000) + 1
                   FROM dossier_summaries WHERE campaign_id = $1 AND next_due_at >= $2)
              END AS due,
              CASE WHEN $4 THEN
                (SELECT ceil(extract(epoch FROM min(waiting_since)) * 1000)
                   FROM dossier_summaries
                  WHERE campaign_id = $1 AND waiting_on = 'OPERATOR' AND waiting_since > $2)
              END AS waiting`,
      [campaignId, now, what.lateness, what.toProcess],
    );
    const instants = [row?.due, row?.waiting]
      .filter((value): value is string => value !== null && value !== undefined)
      .map(Number);
    return instants.length === 0 ? null : Math.min(...instants);
  }

  /** The driver's own pg pool, for statements prepared by name. */
  private pool(): Pool {
    return (this.dataSource.driver as PostgresDriver).master as Pool;
  }

  /** The filtered dossiers counted per tab and per state, in one scan of the campaign's rows. */
  async counts(filter: DossierPageFilter, now: Date): Promise<DossierCounts> {
    const where = new Conditions(filter, now);
    const nowParam = where.param(now);
    const rows = await this.dataSource.query<
      {
        state: string;
        all: number;
        toProcess: number;
        awaitingOrganisation: number;
        processed: number;
      }[]
    >(
      `SELECT state, count(*)::int AS "all",
              count(*) FILTER (WHERE waiting_on = 'OPERATOR' AND waiting_since <= ${nowParam})::int
                AS "toProcess",
              count(*) FILTER (WHERE waiting_on = 'ORGANISATION')::int AS "awaitingOrganisation",
              count(*) FILTER (WHERE waiting_on = 'DONE')::int AS processed
         FROM dossier_summaries WHERE ${where.sql()} GROUP BY state ORDER BY state`,
      where.params,
    );
    const tabs = { toProcess: 0, awaitingOrganisation: 0, processed: 0, all: 0 };
    const byStatus: Record<string, number> = {};
    for (const row of rows) {
      tabs.toProcess += row.toProcess;
      tabs.awaitingOrganisation += row.awaitingOrganisation;
      tabs.processed += row.processed;
      tabs.all += row.all;
      byStatus[row.state] = row.all;
    }
    return { tabs, byStatus };
  }

  /**
   * The deadline view: every item due on a campaign's dossiers up to `until` (late ones
   * included: they fall due earlier), least time left first, by keyset on the due-time index.
   */
  async dueItems(
    campaignId: string,
    until: Date,
    limit: number,
    after?: DueItemCursor,
  ): Promise<{ items: DueItemRow[]; next?: DueItemCursor }> {
    const params: unknown[] = [campaignId, until, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.dueAt, after.organisationId, after.position);
      keyset = 'AND (d.due_at, d.organisation_id, d.position) > ($4::timestamptz, $5, $6::int)';
    }
    const rows = await this.dataSource.query<DueItemRow[]>(
      `SELECT d.organisation_id AS "organisationId", s.organisation_name AS "organisationName",
              s.state AS status, d.kind, d.due_at AS "dueAt", d.label, d.position
         FROM dossier_due_items d
         JOIN dossier_summaries s
           ON s.campaign_id = d.campaign_id AND s.organisation_id = d.organisation_id
        WHERE d.campaign_id = $1 AND d.due_at <= $2 ${keyset}
        ORDER BY d.due_at, d.organisation_id, d.position
        LIMIT $3`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      next:
        rows.length > limit && last
          ? {
              dueAt: last.dueAt.toISOString(),
              organisationId: last.organisationId,
              position: last.position,
            }
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
 * The SQL of a page of dossiers (one more row than `limit`, to know whether more follow), its
 * columns those of a list item, kept apart from its execution so that tests can EXPLAIN exactly
 * the rows the list reads.
 */
export function dossierPageStatement(
  filter: DossierPageFilter,
  request: DossierPageRequest,
): { sql: string; params: unknown[]; limit: number } {
  const sortKey = request.sort ?? 'updatedAt';
  const order = request.order ?? defaultOrder(sortKey);
  const sort = SORTS[sortKey];
  const where = new Conditions(filter, request.now);
  where.tab(request.tab ?? 'all');
  if (request.after) {
    const { value, organisationId } = request.after;
    const cast = sort.type === 'instant' ? 'timestamptz' : sort.type;
    const valueParam = where.param(value === null ? 'infinity' : value);
    const keyParam = where.param(organisationId);
    where.add(
      `(${sort.expression}, organisation_id) ${order === 'asc' ? '>' : '<'} ` +
        `(${valueParam}::${cast}, ${keyParam})`,
    );
  }
  const nowParam = where.param(request.now);
  const limit = pageLimit(request.limit);
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  return {
    sql: `SELECT ${listColumns(nowParam)} FROM dossier_summaries WHERE ${where.sql()}
        ORDER BY ${sort.expression} ${direction}, organisation_id ${direction}
        LIMIT ${limit + 1}`,
    params: where.params,
    limit,
  };
}

/**
 * The page's size, written in the statement rather than passed as a parameter: a prepared
 * statement whose LIMIT is a parameter gets a generic plan PostgreSQL costs for a tenth of the
 * campaign's rows, so it kept planning a custom one at every call. Written in, the size is one
 * of the few the API accepts (1 to 100), each its own statement, planned once.
 */
function pageLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new RangeError(`A page holds 1 to 1000 rows, not ${limit}`);
  return limit;
}

/**
 * A name for each statement text, so that pg prepares it once per connection. The texts are
 * those of the filters, tabs, sorts and cursor a list combines: a few thousand at most; past
 * MAX_PREPARED they run unnamed.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED = 500;
function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED)
    statementNames.set(text, (name = `dossier-page-${statementNames.size}`));
  return name;
}

/** The WHERE clause of a filtered list, its parameters numbered as they come. */
class Conditions {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(
    filter: DossierPageFilter,
    private readonly now: Date,
  ) {
    this.add(`campaign_id = ${this.param(filter.campaignId)}`);
    if (filter.state !== undefined) this.add(`state = ${this.param(filter.state)}`);
    if (filter.organisationType !== undefined)
      this.add(`organisation_type = ${this.param(filter.organisationType)}`);
    if (filter.profession !== undefined)
      this.add(`search_profession = ${this.param(searchText(filter.profession))}`);
    if (filter.organisationId !== undefined)
      this.add(`organisation_id = ${this.param(filter.organisationId)}`);
    // The trigram index on search_name serves this LIKE from three characters on.
    if (filter.text !== undefined)
      this.add(`search_name LIKE ${this.param(`%${escapeLike(searchText(filter.text))}%`)}`);
    if (filter.dueBefore !== undefined) this.add(`next_due_at < ${this.param(filter.dueBefore)}`);
    // The next item is the earliest: some item is late exactly when the next one is.
    if (filter.lateOnly) this.add(`next_due_at < ${this.param(now)}`);
  }

  /** The domain's `dossierTab`, over the columns the projection stores from `dossierWork`. */
  tab(tab: DossierListTab): void {
    switch (tab) {
      case 'to-process':
        this.add(`waiting_on = 'OPERATOR' AND waiting_since <= ${this.param(this.now)}`);
        return;
      case 'awaiting-organisation':
        this.add(`waiting_on = 'ORGANISATION'`);
        return;
      case 'processed':
        this.add(`waiting_on = 'DONE'`);
        return;
      case 'all':
        return;
    }
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.conditions.push(condition);
  }

  sql(): string {
    return this.conditions.join(' AND ');
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
