import type { Db } from '@tandem/db';
import { AppError, notFound } from '../../lib/app-error';
import { type Ctx, userIdOf, apiKeyIdOf } from '../../lib/actor';
import { auditInsert, markIdempotencyKey, recordAudit } from '../../lib/audit';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import { loadReferral, wasSent, type Access } from './access';
import { toMessage, toNotification, toTimelineEntry } from './mappers';
import { referralsRepo } from './repo';


/** Messages are between the two sides; a network admin looking in may read but not write. */
const requireParty = (a: Access) => {
  if (!a.sides.length) throw new AppError('forbidden', 'Only the organizations on the referral write messages.');
};

/** The message thread, read state, timeline and the caller's notifications. */
export const createConversationService = ({ db }: { db: Db }) => ({
  // Oldest first; `updatedSince` keeps those written at or after it (messages are never edited).
  // No BEGIN/COMMIT (two of five round trips): once the referral is found readable, the page and
  // its audit row go at once on two pool connections, as the inbox's do; the page is answered only
  // once its audit row is written.
  async messages(ctx: Ctx, id: string, q: { limit: number; cursor?: string; updatedSince?: string }) {
    const { limit } = q;
    const after = decodeCursor(q.cursor, KeyCursor);
    const a = await loadReferral(db, ctx.actor, id);
    const [rows] = await Promise.all([
      referralsRepo.messages(db, id, limit, after, q.updatedSince),
      recordAudit(db, ctx, { action: 'referral.messages.read', entityType: 'referral', entityId: id, organizationId: a.orgId }),
    ]);
    const page = toPage(rows, limit, (r) => [r.cursorAt, r.m.id]);
    return { data: page.data.map(toMessage), nextCursor: page.nextCursor };
  },

  // The referral, then the message with its notifications and audit row (and Idempotency-Key
  // mark) in one atomic statement beside the author's names: 3 statements instead of 6, no
  // BEGIN/COMMIT.
  async postMessage(ctx: Ctx, id: string, body: string) {
    const a = await loadReferral(db, ctx.actor, id);
    requireParty(a);
    const userId = userIdOf(ctx.actor);
    const apiKeyId = apiKeyIdOf(ctx.actor);
    const parties = [a.row.sendingOrgId, ...(a.row.receivingOrgId && wasSent(a.row) ? [a.row.receivingOrgId] : [])];
    const [m, names] = await Promise.all([
      referralsRepo.insertMessageWith(db, { referralId: id, authorUserId: userId, authorApiKeyId: apiKeyId, authorOrgId: a.orgId!, body }, [
        referralsRepo.touch(id),
        referralsRepo.notifyInsert(parties, userId, { kind: 'referral.message', referralId: id, title: 'New message on a referral' }),
        auditInsert(db, ctx, { action: 'referral.message', entityType: 'referral', entityId: id, organizationId: a.orgId }),
      ]),
      referralsRepo.actorNames(db, { userId, apiKeyId, orgId: a.orgId! }),
    ]);
    return toMessage({ m, userName: names.user_name, keyName: names.key_name, orgName: names.org_name, readAt: null });
  },

  async markRead(ctx: Ctx, id: string) {
    const userId = userIdOf(ctx.actor);
    if (!userId) throw new AppError('forbidden', 'Read state belongs to a signed-in user.');
    return db.transaction(async (tx) => {
      await loadReferral(tx, ctx.actor, id);
      const r = await referralsRepo.markRead(tx, id, userId);
      await markIdempotencyKey(tx, ctx, { entityType: 'referral', entityId: id });
      return { referralId: id, lastReadAt: r.lastReadAt.toISOString(), unreadMessages: 0 };
    });
  },

  async timeline(ctx: Ctx, id: string) {
    return db.transaction(async (tx) => {
      const a = await loadReferral(tx, ctx.actor, id);
      const rows = await referralsRepo.timeline(tx, id);
      await recordAudit(tx, ctx, { action: 'referral.timeline.read', entityType: 'referral', entityId: id, organizationId: a.orgId });
      return { data: rows.map(toTimelineEntry) };
    });
  },

  async notifications(userId: string, q: { limit: number; cursor?: string; unread?: boolean }) {
    const rows = await referralsRepo.notifications(db, userId, q.limit, q.unread, decodeCursor(q.cursor, KeyCursor));
    const page = toPage(rows, q.limit, (r) => [r.cursorAt, r.n.id]);
    return { data: page.data.map((r) => toNotification(r.n)), nextCursor: page.nextCursor };
  },

  /** Someone else's notification is as unknown as a random id. */
  async readNotification(userId: string, id: string) {
    const n = await referralsRepo.readNotification(db, id, userId);
    if (!n) throw notFound('notification');
    return toNotification(n);
  },

  /** With an Idempotency-Key, the key is marked with the update: a retry does not mark read what came since. */
  async readAllNotifications(ctx: Ctx, userId: string) {
    if (!ctx.idempotency) return { marked: await referralsRepo.readAllNotifications(db, userId) };
    return db.transaction(async (tx) => {
      const marked = await referralsRepo.readAllNotifications(tx, userId);
      await markIdempotencyKey(tx, ctx, { entityType: 'notification' });
      return { marked };
    });
  },
});
