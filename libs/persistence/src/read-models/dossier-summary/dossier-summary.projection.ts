import {
  DOSSIER_EVENT_TYPES,
  dossierDecider,
  DueItem,
  dossierWork,
  dueItems,
  isDossier,
  nextDeadline,
} from '@amiflow/domain';
import { Queryable } from '../../event-store/queryable';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../projection';
import { foldOntoSnapshot } from '../stream-snapshot';
import { searchText } from './search-text';

/**
 * One row per dossier, from the domain's own fold: the row keeps the folded state (`snapshot`)
 * so an append folds only its new events. The campaign's counts by state move with it, and so do
 * who the dossier waits on and what falls due on it (the domain's `dossierWork` and `dueItems`).
 */
export const dossierSummaryProjection: Projection = {
  name: 'dossier summaries',
  tables: ['dossier_summaries', 'campaign_dossier_counts', 'dossier_due_items'],
  handles: DOSSIER_EVENT_TYPES,
  async apply(database: Queryable, events: readonly RecordedEvent[]): Promise<void> {
    const { before, after, last } = await foldOntoSnapshot(
      database,
      'dossier_summaries',
      dossierDecider,
      events,
    );
    if (!isDossier(after)) return;
    const work = dossierWork(after);
    const due = dueItems(after);
    await database.query(
      `INSERT INTO dossier_summaries
         (stream_id, campaign_id, organisation_id, organisation_name, organisation_type,
          profession, state, completeness_percent, missing_required_sections, next_deadline,
          submitted_at, created_at, last_change_at, last_event_type, version, snapshot,
          waiting_on, waiting_since, next_due_at, next_due_kind, search_name, search_profession)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
               $17, $18, $19, $20, $21, $22)
       ON CONFLICT (stream_id) DO UPDATE SET
         organisation_name = EXCLUDED.organisation_name,
         search_name = EXCLUDED.search_name,
         search_profession = EXCLUDED.search_profession,
         state = EXCLUDED.state,
         completeness_percent = EXCLUDED.completeness_percent,
         missing_required_sections = EXCLUDED.missing_required_sections,
         next_deadline = EXCLUDED.next_deadline,
         submitted_at = EXCLUDED.submitted_at,
         last_change_at = EXCLUDED.last_change_at,
         last_event_type = EXCLUDED.last_event_type,
         version = EXCLUDED.version,
         snapshot = EXCLUDED.snapshot,
         waiting_on = EXCLUDED.waiting_on,
         waiting_since = EXCLUDED.waiting_since,
         next_due_at = EXCLUDED.next_due_at,
         next_due_kind = EXCLUDED.next_due_kind`,
      [
        last.streamId,
        after.campaignId,
        after.organisationId,
        after.organisationName,
        after.organisationType,
        after.profession,
        after.status,
        after.completeness.percent,
        after.completeness.missingRequiredSectionIds,
        nextDeadline(after) ?? null,
        after.submittedAt ?? null,
        after.createdAt,
        after.lastChangedAt,
        last.type,
        last.streamVersion,
        JSON.stringify(after),
        work.waitingOn,
        work.since,
        due[0]?.dueAt ?? null,
        due[0]?.kind ?? null,
        searchText(after.organisationName),
        after.profession === null ? null : searchText(after.profession),
      ],
    );
    const dueBefore = isDossier(before) ? dueItems(before) : [];
    if (JSON.stringify(dueBefore) !== JSON.stringify(due)) {
      await replaceDueItems(database, after.campaignId, after.organisationId, due);
    }
    const previousStatus = isDossier(before) ? before.status : undefined;
    if (previousStatus !== after.status) {
      await moveCount(database, after.campaignId, previousStatus, after.status);
    }
  },
};

/** The deadline view's rows of one dossier, rewritten whole when they change. */
async function replaceDueItems(
  database: Queryable,
  campaignId: string,
  organisationId: string,
  due: readonly DueItem[],
): Promise<void> {
  await database.query(
    'DELETE FROM dossier_due_items WHERE campaign_id = $1 AND organisation_id = $2',
    [campaignId, organisationId],
  );
  if (due.length === 0) return;
  await database.query(
    `INSERT INTO dossier_due_items (campaign_id, organisation_id, position, kind, due_at, label)
     SELECT $1, $2, position, kind, due_at, label
       FROM unnest($3::int[], $4::text[], $5::timestamptz[], $6::text[])
            AS items(position, kind, due_at, label)`,
    [
      campaignId,
      organisationId,
      due.map((_, position) => position),
      due.map((item) => item.kind),
      due.map((item) => item.dueAt),
      due.map((item) => item.label),
    ],
  );
}

/** One statement, rows in state order: concurrent moves never wait on each other crosswise. */
async function moveCount(
  database: Queryable,
  campaignId: string,
  from: string | undefined,
  to: string,
): Promise<void> {
  const deltas = [...(from ? [{ state: from, delta: -1 }] : []), { state: to, delta: 1 }].sort(
    (a, b) => a.state.localeCompare(b.state),
  );
  await database.query(
    `INSERT INTO campaign_dossier_counts (campaign_id, state, count)
     SELECT $1, state, delta FROM unnest($2::text[], $3::int[]) AS moves(state, delta)
     ON CONFLICT (campaign_id, state)
     DO UPDATE SET count = campaign_dossier_counts.count + EXCLUDED.count`,
    [campaignId, deltas.map((d) => d.state), deltas.map((d) => d.delta)],
  );
}
