import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_TEMPLATES } from '@tandem/contract';
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    template: text('template').$type<OneOf<typeof EMAIL_TEMPLATES>>().notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outgoing_emails_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`), check('outgoing_emails_template_check', inList(t.template, EMAIL_TEMPLATES))],
);
