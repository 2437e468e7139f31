import { referenceThemeTaxonomy, ThemeTaxonomy } from '@amiflow/domain';
import fc from 'fast-check';
import { createThemeSuggester, suggestThemes } from './theme-suggester';

const suggester = createThemeSuggester(referenceThemeTaxonomy);

const twoThemes: ThemeTaxonomy = {
  themes: [
    {
      id: 'acces-donnees',
      label: 'Accès aux données',
      description: 'Accéder aux données de santé.',
      keywords: ['accès aux données', 'SNDS'],
    },
    {
      id: 'financement',
      label: 'Financement',
      description: 'Financer les projets.',
      keywords: ['financement', 'subvention'],
    },
  ],
};

describe('theme suggestions for an answer', () => {
  it('name the theme, the sentence it was found in and the words that led to it', () => {
    const text =
      'Notre collège regroupe 4 000 praticiens. Nous demandons une formation continue sur l’IA, intégrée au DPC.';
    const [first] = suggester.suggest(text);
    expect(first).toMatchObject({ themeId: 'formation' });
    expect(first?.passage).toEqual({
      start: 41,
      end: text.length,
      text: 'Nous demandons une formation continue sur l’IA, intégrée au DPC.',
    });
    expect(first?.words.map((word) => word.text)).toEqual(['formation', 'continue', 'DPC']);
    for (const word of first?.words ?? []) {
      expect(text.slice(word.start, word.end)).toBe(word.text);
    }
  });

  it('score a sentence that says more of the theme higher', () => {
    const one = suggester.suggest('Il nous faudrait une subvention.');
    const more = suggester.suggest(
      'Il nous faudrait une subvention, et le financement de nos projets sur appel à projets.',
    );
    expect(one[0]?.themeId).toBe('financement');
    expect(more[0]?.themeId).toBe('financement');
    expect(more[0]?.score).toBeGreaterThan(one[0]?.score ?? 1);
  });

  it('find a keyword phrase with a word or two inserted', () => {
    const [found] = suggestThemes(
      'Un accès facilité et rapide aux données hospitalières.',
      twoThemes,
    );
    expect(found?.themeId).toBe('acces-donnees');
    expect(found?.words.map((word) => word.text)).toEqual(['accès', 'données']);
  });

  it('find a theme in a text typed without accents', () => {
    const found = suggester.suggest("Sans interoperabilite entre les logiciels, rien n'avance.");
    expect(found.map(({ themeId }) => themeId)).toContain('interoperabilite');
  });

  it('suggest nothing for a presentation of the organisation', () => {
    expect(
      suggester.suggest(
        'Notre société savante compte mille deux cents membres, réunis chaque année en congrès.',
      ),
    ).toEqual([]);
  });

  it("do not match a keyword on another word family's stem (« équipes » is not « équipement »)", () => {
    const found = suggester.suggest('Les équipes des services se réunissent chaque semaine.');
    expect(found.map(({ themeId }) => themeId)).not.toContain('equipement');
  });

  it('come for each answered section of a dossier, with its section', () => {
    const found = suggester.suggestForAnswers({
      organisation: 'Le CNP de radiologie réunit les radiologues.',
      propositions: 'Lancer un appel à projets doté de crédits pluriannuels.',
    });
    expect(found.map(({ sectionId, themeId }) => ({ sectionId, themeId }))).toEqual([
      { sectionId: 'propositions', themeId: 'financement' },
    ]);
  });

  it('are the same every time, with scores in [0, 1] and quotes that are the text', () => {
    const words = ['formation', 'données', 'financement', 'éthique', 'temps', 'la', 'de', '.', ' '];
    const textArbitrary = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const all = suggester.scoreAll(text);
        expect(suggester.scoreAll(text)).toEqual(all);
        for (const suggestion of all) {
          expect(suggestion.score).toBeGreaterThanOrEqual(0);
          expect(suggestion.score).toBeLessThanOrEqual(1);
          const { start, end, text: quote } = suggestion.passage;
          expect(text.slice(start, end)).toBe(quote);
          for (const word of suggestion.words) {
            expect(word.start).toBeGreaterThanOrEqual(start);
            expect(word.end).toBeLessThanOrEqual(end);
          }
        }
      }),
    );
  });
});
