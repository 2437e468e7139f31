/**
 * How every mail names an organisation (issue 10, fault 12): as the directory registers it —
 * the name the ministry keeps, beside the address the mail goes to — and only when the directory
 * does not list it, as it named itself on its dossier or registration; its id as a last resort.
 * The reminder and the expiry mail used to differ (directory name vs the name typed on the draft).
 */
export function organisationName(
  organisationId: string,
  directoryName: string | undefined,
  givenName?: string,
): string {
  return directoryName ?? givenName ?? organisationId;
}
