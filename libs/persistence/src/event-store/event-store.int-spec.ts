import { randomUUID } from 'node:crypto';
import { AppendEventsInput, NewEvent } from '@amiflow/contracts';
import { decideDossier, initialDossierState } from '@amiflow/domain';
import { openCampaignTerms } from '@amiflow/domain/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { readModelProjections } from '../read-models/read-model-projections';
import { openTestDataSource, truncateAll } from '../testing/test-data-source';
import { EventStore, FROM_THE_BEGINNING } from './event-store';
import { EventStoreErrorCode } from './event-store.errors';

const metadata = {
  actor: { id: 'cnp-radiologie', role: 'organisation' as const },
  occurredAt: '2019-10-10T08:00:00.000Z',
  correlationId: 'test',
};

function draftCreated(organisationId: string): NewEvent {
  const [event] = decideDossier(
    {
      type: 'CreateDossierDraft',
      campaignId: 'ami-sante-ia-2019',
      organisationId,
      organisationName: `Organisation ${organisationId}`,
      organisationType: 'CNP',
      terms: openCampaignTerms(new Date('2019-10-10T08:00:00Z')),
    },
    initialDossierState,
    new Date('2019-10-10T08:00:00Z'),
  );
  return { eventId: randomUUID(), type: event.type, data: event.data, metadata };
}

function note(text: string): NewEvent {
  return { eventId: randomUUID(), type: 'NoteTaken', data: { text }, metadata };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('event store on PostgreSQL', () => {
  let dataSource: DataSource;
  let store: EventStore;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    store = new EventStore(dataSource, readModelProjections);
  });
  beforeEach(() => truncateAll(dataSource));
  afterAll(() => dataSource.destroy());

  it('appends events to a new stream and reads them back in order with their metadata', async () => {
    const events = [note('one'), note('two')];
    const result = await store.append({ streamId: 's-1', expectedVersion: 0, events });
    expect(result).toEqual({ version: 2, alreadyAppended: false });

    const stored = await store.readStream('s-1');
    expect(stored.map((event) => [event.streamVersion, event.eventId, event.data])).toEqual([
      [1, events[0].eventId, { text: 'one' }],
      [2, events[1].eventId, { text: 'two' }],
    ]);
    expect(stored[0].metadata).toEqual(metadata);
  });

  it('treats a repeated append of the same events as done, without storing them twice', async () => {
    const input: AppendEventsInput = {
      streamId: 's-2',
      expectedVersion: 0,
      events: [note('once')],
    };
    await store.append(input);
    await expect(store.append(input)).resolves.toEqual({ version: 1, alreadyAppended: true });
    expect(await store.readStream('s-2')).toHaveLength(1);
  });

  it('refuses a different event under an id already used', async () => {
    const first = note('original');
    await store.append({ streamId: 's-3', expectedVersion: 0, events: [first] });
    const impostor = { ...note('changed'), eventId: first.eventId };
    expect(
      await codeOf(store.append({ streamId: 's-3', expectedVersion: 1, events: [impostor] })),
    ).toBe(EventStoreErrorCode.EVENT_ID_REUSED);
  });

  it('refuses an append whose expected version is behind the stream', async () => {
    await store.append({ streamId: 's-4', expectedVersion: 0, events: [note('first')] });
    expect(
      await codeOf(store.append({ streamId: 's-4', expectedVersion: 0, events: [note('stale')] })),
    ).toBe(EventStoreErrorCode.WRONG_EXPECTED_VERSION);
  });

  it('lets exactly one of many concurrent writers at the same version win', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, writer) =>
        store.append({
          streamId: 's-race',
          expectedVersion: 0,
          events: [note(`writer ${writer}`)],
        }),
      ),
    );
    const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const losers = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.map((outcome) => (outcome.reason as { code: string }).code)).toEqual(
      Array(49).fill(EventStoreErrorCode.WRONG_EXPECTED_VERSION),
    );
    expect(await store.readStream('s-race')).toHaveLength(1);
  });

  it('reads all events in order from a checkpoint, page by page', async () => {
    await store.append({ streamId: 'a', expectedVersion: 0, events: [note('a1'), note('a2')] });
    await store.append({ streamId: 'b', expectedVersion: 0, events: [note('b1')] });
    const first = await store.readAll(FROM_THE_BEGINNING, 2);
    const second = await store.readAll(first.checkpoint, 2);
    const third = await store.readAll(second.checkpoint, 2);
    expect([...first.events, ...second.events].map((event) => event.data)).toEqual([
      { text: 'a1' },
      { text: 'a2' },
      { text: 'b1' },
    ]);
    expect(third).toEqual({ events: [], checkpoint: second.checkpoint });
  });

  it('never skips an event whose transaction commits after a later one', async () => {
    // A writer takes its position first but commits last, as a slow append would.
    const slowWriter = new Client({ connectionString: process.env.DATABASE_URL });
    await slowWriter.connect();
    try {
      await slowWriter.query('BEGIN');
      await slowWriter.query(
        `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata)
         VALUES ($1, 'slow', 1, 'NoteTaken', '{"text":"slow"}', $2)`,
        [randomUUID(), JSON.stringify(metadata)],
      );
      await store.append({ streamId: 'fast', expectedVersion: 0, events: [note('fast')] });

      const whileSlowIsOpen = await store.readAll(FROM_THE_BEGINNING);
      expect(whileSlowIsOpen.events).toEqual([]);

      await slowWriter.query('COMMIT');
      const afterCommit = await store.readAll(whileSlowIsOpen.checkpoint);
      expect(afterCommit.events.map((event) => event.data)).toEqual([
        { text: 'slow' },
        { text: 'fast' },
      ]);
      const [slow, fast] = afterCommit.events;
      expect(BigInt(slow.globalPosition)).toBeLessThan(BigInt(fast.globalPosition));
    } finally {
      await slowWriter.end();
    }
  });

  it('updates the dossier summary in the same transaction as the append', async () => {
    await store.append({
      streamId: 'dossier/ami-sante-ia-2019/cnp-radiologie',
      expectedVersion: 0,
      events: [draftCreated('cnp-radiologie')],
    });
    const summaries: unknown = await dataSource.query(
      'SELECT organisation_id, state, version FROM dossier_summaries',
    );
    expect(summaries).toEqual([{ organisation_id: 'cnp-radiologie', state: 'DRAFT', version: 1 }]);
  });

  it('leaves neither events nor read model behind when the projection fails', async () => {
    await store.append({
      streamId: 'dossier/ami-sante-ia-2019/cnp-cardiologie',
      expectedVersion: 0,
      events: [draftCreated('cnp-cardiologie')],
    });
    // The same organisation under another stream breaks the summary's key: nothing may stay.
    const failing = store.append({
      streamId: 'dossier/ami-sante-ia-2019/elsewhere',
      expectedVersion: 0,
      events: [note('first'), draftCreated('cnp-cardiologie')],
    });
    await expect(failing).rejects.toThrow();
    expect(await store.readStream('dossier/ami-sante-ia-2019/elsewhere')).toEqual([]);
    const summaries: unknown = await dataSource.query('SELECT stream_id FROM dossier_summaries');
    expect(summaries).toEqual([{ stream_id: 'dossier/ami-sante-ia-2019/cnp-cardiologie' }]);
  });
});
