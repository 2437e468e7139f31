import { MailConfig } from '@amiflow/config';
import { createTransport } from 'nodemailer';
import { Mail } from './mail';

/** A calendar invitation travels as a text/calendar attachment with its method. */
export interface Attachment {
  readonly filename: string;
  readonly content: string;
  readonly method: 'REQUEST' | 'CANCEL';
}

export interface OutgoingMail extends Mail {
  readonly to: string;
  /** Deterministic: the same notification always carries the same Message-ID. */
  readonly messageId: string;
  readonly attachments?: readonly Attachment[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * How long, in milliseconds, the SMTP client waits on a server before giving up on a send: to
 * connect and be greeted (nodemailer cuts the greeting short by what connecting took), and for
 * any answer during the conversation. A server that stalls then fails the send well inside the
 * 10 s start-to-close of the dossier workflow's notification activities, instead of nodemailer's
 * defaults (2 min, 30 s, 10 min) letting the send outlive its activity. The longest conversation
 * these bounds allow is 3 s, then about six commands each answered just in time (some 33 s);
 * the ledger's claim is renewed all along (`DELIVERY_LEASE_MS`).
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 3_000,
  greetingTimeout: 3_000,
  socketTimeout: 5_000,
} as const;

/** A real SMTP conversation with the configured server (the local mail catcher in development). */
export function createMailer(config: MailConfig): Mailer {
  const transport = createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpPort === 465,
    pool: true,
    ...SMTP_TIMEOUTS,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        attachments: mail.attachments?.map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: `text/calendar; charset=utf-8; method=${attachment.method}`,
        })),
      });
    },
    close: () => transport.close(),
  };
}

/** The bare address of a sender written as `Name <address>`. */
export function organiserAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
