import { BUSINESS_KEY_PATTERN, campaignThemeTaxonomy, referenceCampaign } from '@amiflow/domain';
import {
  chooseDemoThemes,
  DEMO_THEME_THRESHOLD,
  DemoThemeSuggestion,
  demoTagId,
} from './demo-theme-review';

const suggestion = (sectionId: string, themeId: string, score: number): DemoThemeSuggestion => ({
  sectionId,
  themeId,
  score,
  passage: { start: 0, end: 10 },
});

describe('the demo reviewer’s choice among theme suggestions', () => {
  it('accepts those at or above the threshold, at most two per answer, best first', () => {
    const { accepted } = chooseDemoThemes([
      suggestion('a', 'x', 0.8),
      suggestion('a', 'y', 0.95),
      suggestion('a', 'z', 0.9),
      suggestion('b', 'x', DEMO_THEME_THRESHOLD),
      suggestion('b', 'y', 0.5),
    ]);
    expect(accepted.map((s) => `${s.sectionId}/${s.themeId}`)).toEqual(['a/y', 'a/z', 'b/x']);
  });

  it('rejects the weakest suggestion under the threshold, and only that one', () => {
    const { rejected } = chooseDemoThemes([
      suggestion('a', 'x', 0.9),
      suggestion('a', 'y', 0.4),
      suggestion('b', 'y', 0.6),
    ]);
    expect(rejected.map((s) => `${s.sectionId}/${s.themeId}`)).toEqual(['a/y']);
  });

  it('rejects nothing when every suggestion is good, and accepts nothing from none', () => {
    expect(chooseDemoThemes([suggestion('a', 'x', 0.9)]).rejected).toEqual([]);
    expect(chooseDemoThemes([])).toEqual({ accepted: [], rejected: [] });
  });

  it('names tags as business keys for every section and theme of the reference campaign', () => {
    const { definition } = referenceCampaign;
    for (const section of definition.sections) {
      for (const theme of campaignThemeTaxonomy(definition).themes) {
        const tagId = demoTagId({ sectionId: section.id, themeId: theme.id });
        expect(tagId).toMatch(BUSINESS_KEY_PATTERN);
      }
    }
  });
});
