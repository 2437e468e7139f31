import {
  apiQueryOf,
  chosenColumns,
  columnsParameter,
  dayIn,
  urlOfView,
  viewIdOf,
} from './campaign-views';

describe("the campaign page's views", () => {
  const startOfDay = (day: string) => `${day}T00:00:00.000Z`;

  it("turns the page's URL into the list's API query, without page position or columns", () => {
    const search = new URLSearchParams(
      'onglet=to-process&etat=NEEDS_REVIEW&type=CNP&profession=radiologie&texte=imagerie' +
        '&echeance-avant=2019-11-15&en-retard=oui&tri=nextDueAt&ordre=desc&curseur=abc&jours=14' +
        '&colonnes=etat',
    );
    expect(Object.fromEntries(new URLSearchParams(apiQueryOf(search, startOfDay)))).toEqual({
      tab: 'to-process',
      state: 'NEEDS_REVIEW',
      organisationType: 'CNP',
      profession: 'radiologie',
      text: 'imagerie',
      dueBefore: '2019-11-15T00:00:00.000Z',
      lateOnly: 'true',
      sort: 'nextDueAt',
      order: 'desc',
    });
    expect(apiQueryOf(new URLSearchParams('onglet=all'), startOfDay)).toBe('');
  });

  it("opens a saved view as the page's URL, its day in the campaign's zone", () => {
    const search = urlOfView(
      {
        query: 'tab=processed&lateOnly=true&dueBefore=2019-11-14T23%3A00%3A00.000Z&sort=status',
        columns: ['echeance', 'etat'],
      },
      'Europe/Paris',
    );
    expect(Object.fromEntries(search)).toEqual({
      onglet: 'processed',
      'en-retard': 'oui',
      tri: 'status',
      'echeance-avant': '2019-11-15',
      colonnes: 'etat,echeance',
    });
  });

  it('keeps the chosen columns in the table order, all when none or unknown', () => {
    expect(chosenColumns('echeance,etat,inconnue')).toEqual(['etat', 'echeance']);
    expect(chosenColumns(null)).toHaveLength(6);
    expect(chosenColumns('inconnue')).toHaveLength(6);
    expect(
      columnsParameter(['type', 'profession', 'etat', 'completude', 'echeance', 'changement']),
    ).toBeNull();
    expect(columnsParameter(['changement', 'type'])).toBe('type,changement');
  });

  it('names a view by its name, as a key the API takes', () => {
    expect(viewIdOf('À traiter, en retard !')).toBe('a-traiter-en-retard');
    expect(viewIdOf('  ')).toBe('vue');
    expect(viewIdOf('é'.repeat(100))).toMatch(/^e{64}$/);
    expect(dayIn('2019-11-14T23:30:00Z', 'Europe/Paris')).toBe('2019-11-15');
  });
});
