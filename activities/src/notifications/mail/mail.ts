/**
 * A rendered mail: what every renderer (reminders, dossier events, meeting changes) produces and
 * the mailer sends. In a file of its own so that the page layout (`mail-page.ts`) and the
 * renderers depend on it without depending on one another.
 */
export interface Mail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
