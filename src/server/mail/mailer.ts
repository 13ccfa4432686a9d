import { createTransport } from 'nodemailer';
import type { MailConfig } from './mail-config.ts';

/** One outgoing message: plain text, because links in it are the whole point and every client shows text. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail or throws; callers decide what a failure means for the request (it never loses the write). */
export interface Mailer {
  /** host:port of the mail server, for the admin page. */
  readonly server: string;
  send(mail: Mail): Promise<void>;
}

/** Seconds an SMTP exchange may take before the request gives up on mail and answers without it. */
const SMTP_TIMEOUT_MS = 10_000;

/** SMTP through nodemailer: STARTTLS or TLS as the URL says, timeouts short enough for a request. */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = createTransport({
    url: config.url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    server: config.server,
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
