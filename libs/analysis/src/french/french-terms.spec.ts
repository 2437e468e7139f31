import { foldAccents } from './fold-accents';
import { frenchTerms, minimalForm } from './french-terms';

describe('the French analysis of a text', () => {
  it('drops the stop words and the elided articles, and keeps where each word is', () => {
    const text = "L'accès aux données de santé, pour nous, n'est pas simple.";
    const terms = frenchTerms(text);
    expect(terms.map(({ word }) => word)).toEqual(['accès', 'données', 'santé', 'simple']);
    for (const { word, start, end } of terms) expect(text.slice(start, end)).toBe(word);
  });

  it('stems a word family to one term, without accents', () => {
    const terms = frenchTerms('évaluation évaluer évaluations Interopérabilité interopérables');
    expect(terms.map(({ term }) => term)).toEqual([
      'evalu',
      'evalu',
      'evalu',
      'interoper',
      'interoper',
    ]);
  });

  it('reads a word typed without its accents as the same word', () => {
    const [accented] = frenchTerms('éthique');
    const [plain] = frenchTerms('ethique');
    expect(plain?.term).toBe(accented?.term);
    expect(plain?.form).toBe(accented?.form);
  });

  it('splits at typographic apostrophes and hyphens', () => {
    expect(frenchTerms('l’interopérabilité des e-services').map(({ word }) => word)).toEqual([
      'interopérabilité',
      'services',
    ]);
  });

  it('keeps a form for keywords that does not merge other families', () => {
    expect(minimalForm('equipes')).not.toBe(minimalForm('equipement'));
    expect(minimalForm('medicaux')).toBe(minimalForm('medical'));
    expect(minimalForm('structurees')).toBe(minimalForm('structure'));
  });

  it('folds ligatures as well as accents', () => {
    expect(foldAccents('Œil fœtal Éthique')).toBe('OEil foetal Ethique');
  });
});
