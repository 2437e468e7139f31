import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainError } from '../errors/domain-error';
import { CampaignDefinition } from '../campaign/campaign-definition';
import { referenceThemeTaxonomy } from '../reference-campaign/reference-themes';
import { ThemeTaxonomy, ThemeTaxonomyProblem, validateThemeTaxonomy } from './theme-taxonomy';

/**
 * The themes a campaign's answers are read against: its own when its file gives them, otherwise
 * the reference campaign's eleven — the defaults issue 13 asks for, and what campaigns created
 * before the taxonomy was part of the file are read with.
 */
export function campaignThemeTaxonomy(
  definition: Pick<CampaignDefinition, 'themes'>,
): ThemeTaxonomy {
  return { themes: definition.themes ?? referenceThemeTaxonomy.themes };
}

/**
 * The taxonomy of a campaign file, checked as the definition is: each theme valid, and a file that
 * names its themes names at least one (an empty list would leave nothing to tag).
 */
export function validateCampaignThemes(
  themes: CampaignDefinition['themes'],
): ThemeTaxonomyProblem[] {
  if (themes === undefined) return [];
  if (themes.length === 0) {
    return [
      {
        path: 'themes',
        message: 'La liste des thèmes, si elle est donnée, en compte un au moins.',
      },
    ];
  }
  return validateThemeTaxonomy({ themes });
}

/**
 * Refuses themes the campaign's taxonomy does not hold. Checked by the API before the command
 * reaches the dossier, which does not carry its campaign's taxonomy.
 */
export function requireCampaignThemes(taxonomy: ThemeTaxonomy, themeIds: readonly string[]): void {
  const known = new Set(taxonomy.themes.map((theme) => theme.id));
  const unknown = themeIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      DomainErrorCode.INVALID_COMMAND,
      `Thème inconnu de la campagne : ${unknown.join(', ')}.`,
      { unknownThemeIds: unknown },
    );
  }
}
