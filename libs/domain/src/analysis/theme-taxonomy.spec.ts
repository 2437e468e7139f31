import { referenceThemeTaxonomy } from '../reference-campaign/reference-themes';
import { DemandTheme, validateThemeTaxonomy } from './theme-taxonomy';

const theme = (overrides: Partial<DemandTheme>): DemandTheme => ({
  id: 'financement',
  label: 'Financement',
  description: 'Financer les projets.',
  keywords: ['financement'],
  ...overrides,
});

describe('a theme taxonomy', () => {
  it('of the reference campaign is valid, and every theme says why it is there', () => {
    expect(validateThemeTaxonomy(referenceThemeTaxonomy)).toEqual([]);
    for (const { id, assumption } of referenceThemeTaxonomy.themes) {
      expect({ id, hasAssumption: (assumption ?? '').length > 40 }).toEqual({
        id,
        hasAssumption: true,
      });
    }
  });

  it('refuses two themes with one identifier', () => {
    expect(validateThemeTaxonomy({ themes: [theme({}), theme({ label: 'Autre' })] })).toEqual([
      { path: 'themes[1].id', message: 'Identifiant de thème en double : « financement ».' },
    ]);
  });

  it('refuses an identifier that is not lower-case words joined by hyphens', () => {
    expect(
      validateThemeTaxonomy({ themes: [theme({ id: 'Accès données' })] }).map((p) => p.path),
    ).toEqual(['themes[0].id']);
  });

  it('refuses a theme without label, description or keyword', () => {
    const problems = validateThemeTaxonomy({
      themes: [theme({ label: ' ', description: '', keywords: ['  '] })],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'themes[0].label',
      'themes[0].description',
      'themes[0].keywords',
    ]);
  });
});
