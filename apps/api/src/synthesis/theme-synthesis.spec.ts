import type { ThemeTaxonomy } from '@amiflow/domain';
import type { ThemeTagRow } from '@amiflow/persistence';
import { commonDemands, QUOTES_PER_PROFESSION, themeMatrix } from './theme-synthesis';

const taxonomy: ThemeTaxonomy = {
  themes: [
    { id: 'formation', label: 'Formation', description: 'Former.', keywords: ['formation'] },
    { id: 'financement', label: 'Financement', description: 'Financer.', keywords: ['financer'] },
    {
      id: 'interoperabilite',
      label: 'Interopérabilité',
      description: 'Relier.',
      keywords: ['norme'],
    },
  ],
};

const tag = (
  organisationId: string,
  profession: string | null,
  themeId: string,
  quote = `Citation de ${organisationId}`,
  tagId = 'tag-1',
): ThemeTagRow => ({
  organisationId,
  organisationName: `CNP ${organisationId}`,
  profession,
  themeId,
  tagId,
  sectionId: 'freins',
  quote,
});

describe('the themes × professions matrix', () => {
  const tags = [
    tag('radio-1', 'radiologie', 'formation', 'Former les radiologues.'),
    tag('radio-1', 'radiologie', 'formation', 'Et les manipulateurs.', 'tag-2'),
    tag('radio-2', 'radiologie', 'formation'),
    tag('cardio-1', 'cardiologie', 'formation', 'Former les cardiologues.'),
    tag('cardio-1', 'cardiologie', 'financement'),
    tag('federation', null, 'financement'),
    tag('radio-1', 'radiologie', 'theme-retire'),
  ];
  const matrix = themeMatrix(taxonomy, tags);

  it('counts each dossier once per theme, by profession, every theme of the taxonomy in its order', () => {
    expect(matrix.professions).toEqual(['cardiologie', 'radiologie', null]);
    expect(
      matrix.rows.map((row) => [
        row.themeId,
        row.dossiers,
        row.byProfession.map((c) => c.dossiers),
      ]),
    ).toEqual([
      ['formation', 3, [1, 2, 0]],
      ['financement', 2, [1, 0, 1]],
      ['interoperabilite', 0, [0, 0, 0]],
    ]);
  });

  it('calls common the themes of at least K stated professions, with quotes of each', () => {
    const [demand, ...others] = commonDemands(matrix, tags, 2);
    expect(others).toEqual([]);
    expect(demand).toMatchObject({
      themeId: 'formation',
      professions: ['cardiologie', 'radiologie'],
      dossiers: 3,
    });
    expect(demand.quotes.map((q) => q.quote)).toEqual([
      'Former les cardiologues.',
      'Former les radiologues.',
      'Et les manipulateurs.',
      'Citation de radio-2',
    ]);
  });

  it('lets the threshold change what is common; a dossier without profession counts towards none', () => {
    expect(commonDemands(matrix, tags, 1).map((d) => d.themeId)).toEqual([
      'formation',
      'financement',
    ]);
    expect(commonDemands(matrix, tags, 3)).toEqual([]);
  });

  it(`keeps at most ${QUOTES_PER_PROFESSION} quotes per profession`, () => {
    const many = [
      ...Array.from({ length: 6 }, (_, i) => tag(`radio-${i}`, 'radiologie', 'formation')),
      tag('cardio-1', 'cardiologie', 'formation'),
    ];
    const [demand] = commonDemands(themeMatrix(taxonomy, many), many, 2);
    expect(demand.quotes.filter((q) => q.profession === 'radiologie')).toHaveLength(
      QUOTES_PER_PROFESSION,
    );
  });
});
