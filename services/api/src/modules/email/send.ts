import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '@tandem/db';
import { renderEmail } from './templates';
import { emailRepo } from './repo';

export interface EmailOptions {
  /** smtp://user:pass@host:port (smtps:// for TLS); the worker's SMTP_URL, or the local mail catcher's. */
  smtpUrl: string;
  /** The web app's origin, for the links (APP_URL). */
  appUrl: string;
  /** The From header. */
  from: string;
}

export const createMailTransport = (smtpUrl: string): Transporter => nodemailer.createTransport(smtpUrl);

/**
 * The `send-email` job: sends one outgoing_emails row, at most once per success. The row is
 * locked for the send, and marked sent in the same transaction: a job that runs again (a retry,
 * a second worker, a re-queue at start) finds it sent and does nothing. A crash between the SMTP
 * answer and the commit sends it once more, with the same Message-ID (the row id), which mail
 * clients use to drop the duplicate. A failed send throws: graphile-worker retries the job with
 * its backoff. Nothing here logs an address or a body.
 */
export const sendQueuedEmail = async (db: Db, transport: Transporter, opts: EmailOptions, id: string): Promise<'sent' | 'already_sent' | 'gone'> =>
  db.transaction(async (tx) => {
    const row = await emailRepo.lockForSend(tx, id);
    if (!row) return 'gone';
    if (row.email.sentAt) return 'already_sent';
    const msg = renderEmail(row.email.template, row.locale, row.email.params, opts.appUrl);
    await transport.sendMail({
      from: opts.from,
      to: row.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      messageId: `<${row.email.id}@tandem.email>`,
      headers: { 'Content-Language': row.locale },
    });
    await emailRepo.markSent(tx, id);
    return 'sent';
  });
