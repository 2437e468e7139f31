import { DataSource } from 'typeorm';
import { openTestDataSource } from '../testing/test-data-source';
import { OrganisationDirectory } from './organisation-directory';

const run = Date.now().toString(36);
const id = (suffix: string) => `zz-annuaire-${run}-${suffix}`;

describe('reading the organisation directory entry by entry and page by page', () => {
  let dataSource: DataSource;
  let directory: OrganisationDirectory;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    directory = new OrganisationDirectory(dataSource);
    await directory.upsert({ organisationId: id('a'), name: 'Organisme A', type: 'PUBLIC_BODY' });
    await directory.upsert({
      organisationId: id('b'),
      name: 'Organisme B',
      type: 'PUBLIC_BODY',
      identifiers: { siren: '123456789' },
      email: 'contact@b.example',
    });
    await directory.upsert({ organisationId: id('c'), name: 'Organisme C', type: 'PUBLIC_BODY' });
    await directory.upsert({ organisationId: id('d'), name: 'Organisme D', type: 'HOSPITAL' });
  });
  afterAll(() => dataSource.destroy());

  it('reads one entry with every field, unknown ones null', async () => {
    expect(await directory.entry('cnp-radiologie')).toEqual({
      organisationId: 'cnp-radiologie',
      name: 'Conseil national professionnel de radiologie et imagerie médicale',
      type: 'CNP',
      profession: 'radiologie',
      identifiers: {},
      parentFederationId: 'fsm',
      professionHasCnp: null,
      email: 'contact@cnp-radiologie.example',
      updatedAt: expect.any(Date),
    });
    expect(await directory.entry(id('b'))).toMatchObject({
      identifiers: { siren: '123456789' },
      email: 'contact@b.example',
      profession: null,
      parentFederationId: null,
    });
  });

  it('answers undefined for an organisation it does not list', async () => {
    expect(await directory.entry(id('absent'))).toBeUndefined();
  });

  it('pages in organisation id order by keyset, filtered by type', async () => {
    const first = await directory.page({ type: 'PUBLIC_BODY' }, 2, id(''));
    expect(first.items.map((entry) => entry.organisationId)).toEqual([id('a'), id('b')]);
    expect(first.next).toBe(id('b'));
    const second = await directory.page({ type: 'PUBLIC_BODY' }, 2, first.next);
    expect(second.items.map((entry) => entry.organisationId)).toEqual([id('c')]);
    expect(second.next).toBeUndefined();
  });

  it('lists every type when none is asked for', async () => {
    const page = await directory.page({}, 10, id(''));
    expect(page.items.map((entry) => entry.organisationId)).toEqual([
      id('a'),
      id('b'),
      id('c'),
      id('d'),
    ]);
  });
});
