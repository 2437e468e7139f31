import { MailConfig } from '@amiflow/config';
import { createTransport } from 'nodemailer';
import { Mail } from './reminder-mails';

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

/** A real SMTP conversation with the configured server (the local mail catcher in development). */
export function createMailer(config: MailConfig): Mailer {
  const transport = createTransport({
    host: config.smtpHost,
    port: config.smtpPort,
    secure: config.smtpPort === 465,
    pool: true,
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
