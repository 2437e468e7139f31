export interface CaughtMail {
  readonly subject: string;
  readonly messageId: string;
  readonly to: string[];
  readonly attachments: { filename: string; contentType: string }[];
}

/** What the mail catcher `npm test` started received for this address, oldest first. */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const response = await fetch(`${process.env.MAIL_CATCHER_URL}/messages`);
  const messages = (await response.json()) as CaughtMail[];
  return messages.filter((message) => message.to.includes(address));
}
