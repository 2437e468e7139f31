import { splitPassages } from './passages';

describe('the passages of a text', () => {
  it('are its sentences, trimmed, by offsets into the text', () => {
    const text = '  Former les internes.  Financer les postes !\n\nEt après ? Rien…';
    const quotes = splitPassages(text).map(({ start, end }) => text.slice(start, end));
    expect(quotes).toEqual([
      'Former les internes.',
      'Financer les postes !',
      'Et après ?',
      'Rien…',
    ]);
  });

  it('keep a colon or a decimal point inside the sentence', () => {
    const text = 'Trois conditions : des données, 2.5 jours de formation et du temps.';
    expect(splitPassages(text)).toEqual([{ start: 0, end: text.length }]);
  });

  it('are none for an empty or blank text', () => {
    expect(splitPassages('')).toEqual([]);
    expect(splitPassages(' \n ')).toEqual([]);
  });
});
