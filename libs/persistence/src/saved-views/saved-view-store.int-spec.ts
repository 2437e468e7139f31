import { DataSource } from 'typeorm';
import { openTestDataSource } from '../testing/test-data-source';
import { SavedViewStore } from './saved-view-store';

const run = Date.now().toString(36);
const alice = `agent-alice-${run}`;
const bob = `agent-bob-${run}`;
const view = (viewId: string, name = viewId, columns: string[] = []) => ({
  viewId,
  name,
  campaignId: 'ami-sante-ia-2019',
  query: 'tab=to-process&lateOnly=true',
  columns,
});

describe('saved views, each user’s own', () => {
  let dataSource: DataSource;
  let store: SavedViewStore;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    store = new SavedViewStore(dataSource);
  });
  afterAll(() => dataSource.destroy());

  it('lists only the views of the subject asking, by id', async () => {
    await store.put(alice, view('en-retard', 'En retard'), 10);
    await store.put(alice, view('a-traiter', 'À traiter'), 10);
    await store.put(bob, view('en-retard', 'Les miennes'), 10);
    expect((await store.list(alice)).map((v) => [v.viewId, v.name])).toEqual([
      ['a-traiter', 'À traiter'],
      ['en-retard', 'En retard'],
    ]);
    expect((await store.list(bob)).map((v) => v.name)).toEqual(['Les miennes']);
  });

  it('replaces a view saved again under its id, and deletes only the subject’s own', async () => {
    await store.put(alice, view('en-retard', 'En retard, renommée'), 10);
    expect((await store.list(alice)).find((v) => v.viewId === 'en-retard')?.name).toBe(
      'En retard, renommée',
    );
    expect(await store.delete(bob, 'a-traiter')).toBe(false);
    expect(await store.delete(alice, 'a-traiter')).toBe(true);
    expect(await store.delete(alice, 'a-traiter')).toBe(false);
    expect((await store.list(bob)).map((v) => v.name)).toEqual(['Les miennes']);
  });

  it('keeps the columns of a view, in order, and replaces them with it', async () => {
    const dave = `agent-dave-${run}`;
    await store.put(dave, view('colonnes', 'Colonnes', ['etat', 'echeance']), 10);
    expect((await store.list(dave))[0].columns).toEqual(['etat', 'echeance']);
    await store.put(dave, view('colonnes', 'Colonnes'), 10);
    expect((await store.list(dave))[0].columns).toEqual([]);
  });

  it('refuses a new view beyond the bound, but still replaces an existing one', async () => {
    const carol = `agent-carol-${run}`;
    await Promise.all([1, 2, 3].map((n) => store.put(carol, view(`vue-${n}`), 2)));
    expect(await store.list(carol)).toHaveLength(2);
    const [kept] = await store.list(carol);
    expect(await store.put(carol, view(kept.viewId, 'Renommée'), 2)).toBeDefined();
  });
});
