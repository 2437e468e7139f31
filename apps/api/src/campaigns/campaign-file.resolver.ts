import {
  CALENDAR_DATES,
  CampaignDefinition,
  DefinitionProblem,
  isLocalDateTime,
  isValidTimeZone,
  refusals,
  resolveCampaignFile,
  validateCampaignDefinition,
} from '@amiflow/domain';
import { CampaignFileInput } from './dtos/create-campaign.input';

/**
 * Turns a campaign file sent over HTTP (its shape already checked against the domain's schema)
 * into the definition the domain runs: its wall-clock calendar resolved to UTC instants in its
 * zone, then checked by the domain's own rules. Every problem found is answered at once, before
 * any workflow is started (a definition the workflow refused would leave an execution behind
 * waiting for a valid one), with the refusal the domain gives a calendar change:
 * INVALID_CAMPAIGN_DEFINITION, the problems in French.
 */
export function resolveCampaignDefinition(
  campaignId: string,
  input: CampaignFileInput,
): CampaignDefinition {
  const problems = fileProblems(campaignId, input);
  if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
  const { definition } = resolveCampaignFile({ ...input, campaignId });
  const rules = validateCampaignDefinition(definition);
  if (rules.length > 0) throw refusals.invalidCampaignDefinition(rules);
  return definition;
}

/** What must hold before the calendar can be resolved at all. */
function fileProblems(campaignId: string, input: CampaignFileInput): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (input.campaignId !== undefined && input.campaignId !== campaignId) {
    problems.push({
      path: 'definition.campaignId',
      message: `Le fichier est celui de la campagne ${input.campaignId}, pas de ${campaignId}.`,
    });
  }
  if (!isValidTimeZone(input.timeZone)) {
    problems.push({ path: 'timeZone', message: `Fuseau horaire inconnu : ${input.timeZone}.` });
  }
  for (const date of CALENDAR_DATES) {
    const local = input.localCalendar[date];
    if (local !== undefined && !isLocalDateTime(local)) {
      problems.push({
        path: `localCalendar.${date}`,
        message: `Date et heure inexistantes : ${local}.`,
      });
    }
  }
  return problems;
}
