// Workflow IDs are business keys: a repeated request addresses the same execution and can
// never start a second one. Keys are validated by the API (see BUSINESS_KEY_PATTERN, the
// domain's, since the campaign file's shape names its keys too).

export { BUSINESS_KEY_PATTERN } from '@amiflow/domain';

export function campaignWorkflowId(campaignId: string): string {
  return `campaign/${campaignId}`;
}

export function dossierWorkflowId(campaignId: string, organisationId: string): string {
  return `dossier/${campaignId}/${organisationId}`;
}

/** The event stream of a dossier has the same key as its workflow. */
export const dossierStreamId = dossierWorkflowId;

/** The event stream of a campaign has the same key as its workflow. */
export const campaignStreamId = campaignWorkflowId;
