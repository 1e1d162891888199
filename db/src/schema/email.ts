import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_TEMPLATES } from '@tandem/contract';
import { LOCALES } from '@tandem/contract';
import { createdAt, id, inList, type OneOf, ts } from './helpers';
import { users } from './accounts';

/**
 * Outgoing email, one row per message (services/api/src/modules/email, docs/decisions/0018-email.md).
 * Written in the transaction of the change that causes it; its insert trigger (migration email_jobs)
 * queues a graphile-worker `send-email` job keyed by the row id, and the worker renders it in the
 * recipient's language at send time and marks it sent: a retried job finds `sent_at` and sends
 * nothing again. `params` holds what the template needs (ids, a kind, a step; the invitation or
 * reset token until sent, then removed), never client details.
 */
export const outgoingEmails = pgTable(
  'outgoing_emails',
  {
    id: id(),
    // A user's (their address and language at send time), or, for someone with no account (a board
    // applicant), an address and a language of its own.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text('to_address'),
    locale: text('locale').$type<OneOf<typeof LOCALES>>(),
    template: text('template').$type<OneOf<typeof EMAIL_TEMPLATES>>().notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('outgoing_emails_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`),
    check('outgoing_emails_template_check', inList(t.template, EMAIL_TEMPLATES)),
    check('outgoing_emails_recipient_check', sql`(${t.userId} is null) <> (${t.toAddress} is null)`),
    check('outgoing_emails_locale_check', sql`${t.locale} is null or ${inList(t.locale, LOCALES)}`),
  ],
);
