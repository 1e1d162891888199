import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { EmailTemplate } from '@tandem/contract';

const { outgoingEmails, users } = schema;

/** The email module's table (outgoing_emails), and the recipient's address and language from users. */
export const emailRepo = {
  /** Written with the change that causes it; the row's trigger queues its send-email job (migration email_jobs). */
  async queue(db: DbOrTx, userId: string, template: EmailTemplate, params: Record<string, string> = {}) {
    const [row] = await db.insert(outgoingEmails).values({ userId, template, params }).returning({ id: outgoingEmails.id });
    return row!.id;
  },

  /** The same for someone with no account (a board applicant): their address and language. */
  async queueTo(db: DbOrTx, toAddress: string, locale: 'en' | 'es', template: EmailTemplate, params: Record<string, string> = {}) {
    const [row] = await db.insert(outgoingEmails).values({ toAddress, locale, template, params }).returning({ id: outgoingEmails.id });
    return row!.id;
  },

  /** The message and its recipient, locked so two workers never send one message twice. */
  async lockForSend(tx: DbOrTx, id: string) {
    const [row] = await tx
      .select({ email: outgoingEmails, to: sql<string>`coalesce(${users.email}, ${outgoingEmails.toAddress})`, locale: sql<'en' | 'es'>`coalesce(${users.locale}, ${outgoingEmails.locale}, 'en')` })
      .from(outgoingEmails)
      .leftJoin(users, eq(users.id, outgoingEmails.userId))
      .where(eq(outgoingEmails.id, id))
      .for('update', { of: outgoingEmails });
    return row;
  },

  /** Sent: the time, and the token (a secret) gone from the row. */
  async markSent(tx: DbOrTx, id: string) {
    await tx
      .update(outgoingEmails)
      .set({ sentAt: sql`now()`, params: sql`${outgoingEmails.params} - 'token'` })
      .where(eq(outgoingEmails.id, id));
  },

  /** Unsent messages (written while no worker had installed the queue, or whose job was lost): the worker re-queues them at start. */
  async unsent(db: DbOrTx, limit = 1000) {
    return db.select({ id: outgoingEmails.id }).from(outgoingEmails).where(and(isNull(outgoingEmails.sentAt))).orderBy(asc(outgoingEmails.createdAt)).limit(limit);
  },
};
