import { searchText } from './search-text';

describe('searchText: how names and professions are compared', () => {
  it.each([
    ['Conseil national professionnel de pédiatrie', 'conseil national professionnel de pediatrie'],
    ['PÉDIATRIE', 'pediatrie'],
    ['Fédération des spécialités médicales', 'federation des specialites medicales'],
    ['Collège des sages-femmes', 'college des sages-femmes'],
    ['Ça, Noël, maïs, Où, Ÿ', 'ca, noel, mais, ou, y'],
  ])('drops case and accents: %s', (text, expected) => {
    expect(searchText(text)).toBe(expected);
  });

  it.each([
    ['Œuvre du cœur', 'oeuvre du coeur'],
    ['ŒNOLOGIE', 'oenologie'],
    ['Cæcum, Æsculape', 'caecum, aesculape'],
    ['Straße', 'strasse'],
    ['ﬁlière ﬂuide', 'filiere fluide'],
    ['Øresund, Łódź', 'oresund, lodz'],
  ])('spells ligatures and stroked letters out: %s', (text, expected) => {
    expect(searchText(text)).toBe(expected);
  });

  it('gives what operators type and what is stored the same form', () => {
    const stored = searchText('Société française de cœlioscopie');
    for (const typed of ['coelioscopie', 'CŒLIOSCOPIE', 'Cœlioscopie', 'societe francaise']) {
      expect(stored).toContain(searchText(typed));
    }
  });

  it('is idempotent', () => {
    const once = searchText('Fédération ŒSTRUS Straße');
    expect(searchText(once)).toBe(once);
  });
});
