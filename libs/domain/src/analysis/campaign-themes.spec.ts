import { validateCampaignDefinition } from '../campaign/campaign-definition.validation';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { referenceThemeTaxonomy } from '../reference-campaign/reference-themes';
import { DomainErrorCode } from '../errors/domain-error-code';
import {
  campaignThemeTaxonomy,
  requireCampaignThemes,
  validateCampaignThemes,
} from './campaign-themes';

const theme = {
  id: 'financement',
  label: 'Financement',
  description: 'Financer.',
  keywords: ['financement'],
};

describe("a campaign's theme taxonomy", () => {
  it('is the reference campaign’s eleven themes when the file gives none', () => {
    expect(campaignThemeTaxonomy(referenceCampaign.definition)).toEqual(referenceThemeTaxonomy);
    expect(referenceThemeTaxonomy.themes).toHaveLength(11);
  });

  it('is the file’s own when it gives them', () => {
    expect(campaignThemeTaxonomy({ themes: [theme] })).toEqual({ themes: [theme] });
  });

  it('may be left out, but not given empty', () => {
    expect(validateCampaignThemes(undefined)).toEqual([]);
    expect(validateCampaignThemes([]).map((problem) => problem.path)).toEqual(['themes']);
  });

  it('is checked with the rest of the definition, each problem at its place in the file', () => {
    const definition = {
      ...referenceCampaign.definition,
      themes: [theme, { ...theme, label: '' }],
    };
    expect(validateCampaignDefinition(definition).map((problem) => problem.path)).toEqual([
      'themes[1].id',
      'themes[1].label',
    ]);
  });
});

describe('the themes a tag names', () => {
  it('must be themes of the campaign', () => {
    const taxonomy = campaignThemeTaxonomy({});
    expect(() => requireCampaignThemes(taxonomy, ['formation'])).not.toThrow();
    let refusal: unknown;
    try {
      requireCampaignThemes(taxonomy, ['formation', 'astrologie']);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      code: DomainErrorCode.INVALID_COMMAND,
      details: { unknownThemeIds: ['astrologie'] },
    });
  });
});
