import { computeCompleteness, isAnswered } from './questionnaire';

const sections = [
  { id: 'organisation', required: true },
  { id: 'usages', required: true },
  { id: 'freins', required: true },
  { id: 'besoins', required: false },
  { id: 'soutiens', required: false },
  { id: 'propositions', required: false },
];

describe('isAnswered', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['  \n\t ', false],
    ['Oui.', true],
    ['  0  ', true],
  ])('tells whether %j is an answer: %s', (answer, expected) => {
    expect(isAnswered(answer)).toBe(expected);
  });
});

describe('computeCompleteness', () => {
  it('counts nothing answered when there are no answers', () => {
    expect(computeCompleteness(sections, {})).toEqual({
      answeredSections: 0,
      totalSections: 6,
      answeredRequired: 0,
      totalRequired: 3,
      missingRequiredSectionIds: ['organisation', 'usages', 'freins'],
      percent: 0,
    });
  });

  it('counts required and optional answers apart and lists the missing required sections in order', () => {
    expect(
      computeCompleteness(sections, {
        usages: 'Imagerie.',
        besoins: 'Données.',
        soutiens: 'Bases.',
      }),
    ).toEqual({
      answeredSections: 3,
      totalSections: 6,
      answeredRequired: 1,
      totalRequired: 3,
      missingRequiredSectionIds: ['organisation', 'freins'],
      percent: 50,
    });
  });

  it('does not count blank answers', () => {
    expect(
      computeCompleteness(sections, { organisation: '   ', usages: '', besoins: '\n' }),
    ).toMatchObject({
      answeredSections: 0,
      answeredRequired: 0,
      missingRequiredSectionIds: ['organisation', 'usages', 'freins'],
      percent: 0,
    });
  });

  it('ignores answers to sections the questionnaire does not have', () => {
    expect(computeCompleteness(sections, { budget: '1 M€' })).toMatchObject({
      answeredSections: 0,
      percent: 0,
    });
  });

  it('rounds the percentage down', () => {
    // 1/6 = 16.67 %, 5/6 = 83.33 %, 2/3 = 66.67 %
    expect(computeCompleteness(sections, { organisation: 'CNP.' }).percent).toBe(16);
    const allButOne = { organisation: 'a', usages: 'b', freins: 'c', besoins: 'd', soutiens: 'e' };
    expect(computeCompleteness(sections, allButOne).percent).toBe(83);
    expect(
      computeCompleteness(sections.slice(0, 3), { organisation: 'a', usages: 'b' }).percent,
    ).toBe(66);
  });

  it('reaches 100 % with every section answered, optional ones included', () => {
    const all = Object.fromEntries(sections.map((section) => [section.id, 'Réponse.']));
    expect(computeCompleteness(sections, all)).toEqual({
      answeredSections: 6,
      totalSections: 6,
      answeredRequired: 3,
      totalRequired: 3,
      missingRequiredSectionIds: [],
      percent: 100,
    });
  });

  it('counts a questionnaire whose required sections are all answered as short of 100 % without its optional ones', () => {
    expect(
      computeCompleteness(sections, { organisation: 'a', usages: 'b', freins: 'c' }),
    ).toMatchObject({ answeredRequired: 3, missingRequiredSectionIds: [], percent: 50 });
  });

  it('has nothing required when every section is optional', () => {
    const optional = sections.map((section) => ({ ...section, required: false }));
    expect(computeCompleteness(optional, {})).toMatchObject({
      answeredRequired: 0,
      totalRequired: 0,
      missingRequiredSectionIds: [],
      percent: 0,
    });
  });

  it('counts an empty questionnaire as complete', () => {
    expect(computeCompleteness([], {})).toEqual({
      answeredSections: 0,
      totalSections: 0,
      answeredRequired: 0,
      totalRequired: 0,
      missingRequiredSectionIds: [],
      percent: 100,
    });
  });
});
