// Workflow IDs are business keys: a repeated request addresses the same execution and can
// never start a second one. Keys are validated by the API (see BUSINESS_KEY_PATTERN).

/** Letters, digits and dashes: safe inside an ID, a stream name and a URL. */
export const BUSINESS_KEY_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

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
