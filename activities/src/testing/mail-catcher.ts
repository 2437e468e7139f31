import { simpleParser } from 'mailparser';

export interface CaughtMail {
  /** Its file in the catcher's folder, to read it raw. */
  readonly file: string;
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

/** The .ics of a caught mail, as received: its text/calendar part (nodemailer writes base64). */
export async function calendarOf(mail: CaughtMail): Promise<string[]> {
  const response = await fetch(`${process.env.MAIL_CATCHER_URL}/messages/${mail.file}`);
  const raw = await response.text();
  const encoded = /Content-Type: text\/calendar[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
  if (!encoded) throw new Error(`no calendar in ${mail.file}`);
  const ics = Buffer.from(encoded[1].replace(/\s/g, ''), 'base64').toString('utf8');
  return ics.replace(/\r\n /g, '').split('\r\n');
}

/** The plain-text part of a caught mail, decoded (nodemailer may write it quoted-printable). */
export async function textOf(mail: CaughtMail): Promise<string> {
  const response = await fetch(`${process.env.MAIL_CATCHER_URL}/messages/${mail.file}`);
  return (await simpleParser(await response.text())).text ?? '';
}
