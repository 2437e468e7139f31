export interface ExploreTokens {
  readonly operator: string;
  readonly organisation: { readonly organisationId: string; readonly token: string };
}

/**
 * How to look around while the demo runs: development tokens in shell variables and curl
 * commands that use them. Without tokens (an OpenID Connect provider checks them), where to get
 * some.
 */
export function exploreInstructions(
  apiUrl: string,
  campaignId: string,
  tokens: ExploreTokens | undefined,
): string[] {
  const campaign = `${apiUrl}/campaigns/${campaignId}`;
  if (!tokens) {
    return [
      'Explore the API with bearer tokens from your OpenID Connect provider (AUTH_JWKS_URL is set):',
      `  curl -H "Authorization: Bearer $TOKEN" ${campaign}/dossiers`,
    ];
  }
  const { organisationId, token } = tokens.organisation;
  const dossier = `${campaign}/dossiers/${organisationId}`;
  return [
    'Explore the API meanwhile (development tokens, valid 8 h; others with',
    '`npm run token -- --role operator` or `--role organisation --organisation <id>`):',
    `  export OPERATOR_TOKEN=${tokens.operator}`,
    `  export ORGANISATION_TOKEN=${token}   # ${organisationId}`,
    `  curl -H "Authorization: Bearer $OPERATOR_TOKEN" ${campaign}`,
    `  curl -H "Authorization: Bearer $OPERATOR_TOKEN" ${campaign}/dossiers`,
    `  curl -H "Authorization: Bearer $ORGANISATION_TOKEN" ${dossier}`,
    `  curl -H "Authorization: Bearer $ORGANISATION_TOKEN" ${dossier}/events`,
    `  OpenAPI: ${apiUrl}/api/docs`,
  ];
}
