import { OrganisationType } from '@amiflow/domain';
import { openCampaignTerms, testActors } from '@amiflow/domain/testing';
import { DataSource } from 'typeorm';
import { EventStore } from '../../event-store/event-store';
import { openDossierReadModelFixture } from '../../testing/read-model-fixture';
import { dossierStream } from '../../testing/test-stream';
import {
  dossierPageStatement,
  DossierListTab,
  DossierPageFilter,
  DossierPageRequest,
  DossierSortKey,
  DossierSummaryQuery,
  SortOrder,
} from './dossier-summary.query';

const { operator } = testActors;
const campaignId = `onglets-${Date.now().toString(36)}`;
const HOUR = 3_600_000;
// The reference campaign's terms around a fixed instant: deadline a week later (17 Oct 08:00 UTC),
// consultations two weeks later (24 Oct 08:00 UTC); reminders at 09:00 Paris (07:00 UTC).
const base = new Date('2019-10-10T08:00:00Z');
const terms = openCampaignTerms(base);
const at = (hours: number) => new Date(base.getTime() + hours * HOUR);
const consultationStart = new Date(Date.parse(terms.consultationsStartAt) + HOUR);
const consultationEnd = new Date(consultationStart.getTime() + HOUR);
/** 12 Oct 10:00 UTC: the clarification's reminder (12 Oct 07:00 UTC) has just passed. */
const now = at(50);

async function drafted(store: EventStore, organisationId: string) {
  const dossier = dossierStream(store, campaignId, organisationId);
  await dossier.run(
    {
      type: 'CreateDossierDraft',
      campaignId,
      organisationId,
      organisationName: organisationId,
      organisationType: 'CNP' as OrganisationType,
      profession: 'radiologie',
      terms,
    },
    at(1),
  );
  return dossier;
}

async function assessed(
  store: EventStore,
  organisationId: string,
  decision: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW',
) {
  const dossier = await drafted(store, organisationId);
  await dossier.run({ type: 'SubmitDossier' }, at(2));
  await dossier.run({ type: 'RecordEligibility', decision, reasons: ['ELIGIBLE_TYPE'] }, at(3));
  return dossier;
}

describe('the dossier list by who must act and what falls due', () => {
  let dataSource: DataSource;
  let query: DossierSummaryQuery;

  beforeAll(async () => {
    const { store, ...opened } = await openDossierReadModelFixture();
    ({ dataSource, query } = opened);
    // A draft: its organisation's, J-1 reminder on 16 Oct then the deadline on 17 Oct.
    await drafted(store, 'draft-a');
    // The directory could not tell: an operator's.
    await assessed(store, 'review-b', 'NEEDS_REVIEW');
    // A clarification pending: its organisation's, reminder on 12 Oct, due 14 Oct 12:00 UTC.
    const asked = await assessed(store, 'asked-c', 'NEEDS_REVIEW');
    await asked.run(
      {
        type: 'RequestClarification',
        clarificationId: 'precisions-1',
        question: 'Combien de membres ?',
        dueAt: at(100).toISOString(),
        actor: operator,
      },
      at(4),
      operator,
    );
    // Ineligible: processed.
    await assessed(store, 'ineligible-d', 'INELIGIBLE');
    // A consultation to come: nobody's until it has ended, then the operators'.
    const consulted = await assessed(store, 'consult-e', 'ELIGIBLE');
    await consulted.run({ type: 'StartDossierScreening' }, at(200));
    await consulted.run(
      { type: 'RecordScreeningResult', result: 'SHORTLISTED', actor: operator },
      at(201),
      operator,
    );
    await consulted.run(
      {
        type: 'ScheduleConsultation',
        consultationId: 'consultation-1',
        startsAt: consultationStart.toISOString(),
        endsAt: consultationEnd.toISOString(),
        place: 'Ségur, salle 1',
        actor: operator,
      },
      at(202),
      operator,
    );
  });
  afterAll(() => dataSource.destroy());

  const filter: DossierPageFilter = { campaignId };
  const ids = async (
    request: Partial<DossierPageRequest>,
    narrower: Partial<DossierPageFilter> = {},
  ) =>
    (await query.page({ ...filter, ...narrower }, { limit: 50, now, ...request })).items
      .map((row) => row.organisationId)
      .sort();

  /** Every page of a sort, by its cursors: the order the pages give, rows never repeated. */
  async function allPages(sort: DossierSortKey, order?: SortOrder): Promise<string[]> {
    const seen: string[] = [];
    let after;
    for (let pages = 0; pages < 10; pages++) {
      const page = await query.page(filter, { sort, order, limit: 2, after, now });
      seen.push(...page.items.map((row) => row.organisationId));
      if (!page.next) return seen;
      after = page.next;
    }
    throw new Error('More pages than dossiers');
  }

  it.each<[DossierListTab, string[]]>([
    ['to-process', ['review-b']],
    ['awaiting-organisation', ['asked-c', 'draft-a']],
    ['processed', ['ineligible-d']],
    ['all', ['asked-c', 'consult-e', 'draft-a', 'ineligible-d', 'review-b']],
  ])('puts in the %s tab the dossiers the domain puts there', async (tab, expected) => {
    expect(await ids({ tab })).toEqual(expected);
  });

  it('moves a consultation to the operators once it has ended without an outcome', async () => {
    expect(await ids({ tab: 'to-process', now: consultationEnd })).toEqual([
      'consult-e',
      'review-b',
    ]);
  });

  it('counts each tab and each state under the same filters', async () => {
    expect(await query.counts(filter, now)).toEqual({
      tabs: { toProcess: 1, awaitingOrganisation: 2, processed: 1, all: 5 },
      byStatus: { CONSULTATION_SCHEDULED: 1, DRAFT: 1, INELIGIBLE: 1, NEEDS_REVIEW: 2 },
    });
    expect(await query.counts({ ...filter, state: 'NEEDS_REVIEW' }, now)).toEqual({
      tabs: { toProcess: 1, awaitingOrganisation: 1, processed: 0, all: 2 },
      byStatus: { NEEDS_REVIEW: 2 },
    });
  });

  it('keeps only the dossiers with something late, or due before an instant', async () => {
    expect(await ids({}, { lateOnly: true })).toEqual(['asked-c']);
    expect(await ids({}, { dueBefore: new Date('2019-10-16T12:00:00Z') })).toEqual([
      'asked-c',
      'draft-a',
    ]);
  });

  it('says of each listed dossier whether its next item is late at the instant asked, to the millisecond', async () => {
    const lateness = async (at: Date) =>
      Object.fromEntries(
        (await query.page(filter, { limit: 50, now: at })).items.map((item) => [
          item.organisationId,
          item.late,
        ]),
      );
    expect(await lateness(now)).toEqual({
      'asked-c': true,
      'consult-e': false,
      'draft-a': false,
      'ineligible-d': false,
      'review-b': false,
    });
    // The draft's reminder falls due at 07:00:00.000 on 16 Oct: late strictly after, as isLate.
    const reminder = new Date('2019-10-16T07:00:00.000Z');
    expect((await lateness(reminder))['draft-a']).toBe(false);
    expect((await lateness(new Date(reminder.getTime() + 1)))['draft-a']).toBe(true);
  });

  it('stores each dossier’s next due item from the domain', async () => {
    const draft = await query.findOne(campaignId, 'draft-a');
    expect([draft?.nextDueKind, draft?.nextDueAt?.toISOString()]).toEqual([
      'REMINDER',
      '2019-10-16T07:00:00.000Z',
    ]);
    const review = await query.findOne(campaignId, 'review-b');
    expect([review?.nextDueKind, review?.nextDueAt, review?.waitingOn]).toEqual([
      null,
      null,
      'OPERATOR',
    ]);
  });

  it('pages by time left, nothing due last, through cursors', async () => {
    expect(await allPages('nextDueAt')).toEqual([
      'asked-c',
      'draft-a',
      'consult-e',
      'ineligible-d',
      'review-b',
    ]);
    expect(await allPages('nextDueAt', 'desc')).toEqual([
      'review-b',
      'ineligible-d',
      'consult-e',
      'draft-a',
      'asked-c',
    ]);
  });

  it('pages by organisation name, by status and by submission, through cursors', async () => {
    expect(await allPages('organisationName', 'desc')).toEqual([
      'review-b',
      'ineligible-d',
      'draft-a',
      'consult-e',
      'asked-c',
    ]);
    expect(await allPages('status')).toEqual([
      'consult-e',
      'draft-a',
      'ineligible-d',
      'asked-c',
      'review-b',
    ]);
    // All submitted at the same instant: by organisation id; the draft, never submitted, last.
    expect(await allPages('submittedAt')).toEqual([
      'asked-c',
      'consult-e',
      'ineligible-d',
      'review-b',
      'draft-a',
    ]);
  });

  it('lists what falls due up to an instant, late first, by pages', async () => {
    const until = new Date(now.getTime() + 7 * 24 * HOUR);
    const first = await query.dueItems(campaignId, until, 3);
    expect(first.next).toBeDefined();
    const second = await query.dueItems(campaignId, until, 3, first.next);
    expect(second.next).toBeUndefined();
    expect(
      [...first.items, ...second.items].map((item) => [
        item.organisationId,
        item.kind,
        item.dueAt.toISOString(),
      ]),
    ).toEqual([
      ['asked-c', 'REMINDER', '2019-10-12T07:00:00.000Z'],
      ['asked-c', 'CLARIFICATION', '2019-10-14T12:00:00.000Z'],
      ['draft-a', 'REMINDER', '2019-10-16T07:00:00.000Z'],
      ['draft-a', 'DEADLINE', '2019-10-17T08:00:00.000Z'],
    ]);
    expect(second.items[0]).toEqual(
      expect.objectContaining({ label: 'Date limite de dépôt', status: 'DRAFT' }),
    );
  });

  it('serves a tab’s page and the sort by time left from their indexes', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // As on a large table: the planner must be able to use the index, not prefer a scan. And
      // the page must come off an index in the list's order, not be sorted after: with sorts
      // priced out, the plan shows which index gives that order, whatever rows and statistics
      // the files run before this one left in the shared test database.
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('SET LOCAL enable_sort = off');
      const plan = async (request: Partial<DossierPageRequest>) => {
        const { sql, params } = dossierPageStatement(filter, { limit: 100, now, ...request });
        const lines = (await runner.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[];
        return lines.map((line) => line['QUERY PLAN']).join('\n');
      };
      const toProcess = await plan({ tab: 'to-process' });
      expect(toProcess).toContain('dossier_summaries_by_waiting_on');
      expect(toProcess).not.toMatch(/\bSort\b/);
      const byTimeLeft = await plan({ sort: 'nextDueAt' });
      expect(byTimeLeft).toContain('dossier_summaries_by_next_due');
      expect(byTimeLeft).not.toMatch(/\bSort\b/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
