import type { Db } from '@tandem/db';
import type { ReferralSide } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Ctx, userIdOf, apiKeyIdOf } from '../../lib/actor';
import { auditInsert, markIdempotencyKey, recordAudit } from '../../lib/audit';
import { decodeCursor, KeyCursor, toPage } from '../../lib/pagination';
import type { Notifier } from '../notifications';
import { loadReferral, wasSent, type Access } from './access';
import { toMessage, toTimelineEntry } from './mappers';
import { referralsRepo } from './repo';


/** Messages are between the two sides; a network admin looking in may read but not write. */
const requireParty = (a: Access) => {
  if (!a.sides.length) throw new AppError('forbidden', 'Only the organizations on the referral write messages.');
};

/** The message thread, read state, timeline and who follows the referral. */
export const createConversationService = ({ db, notifier }: { db: Db; notifier: Notifier }) => ({
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

  /** One message, to whoever sees the referral (404 like a random id otherwise); audited as a thread read. */
  async message(ctx: Ctx, id: string, messageId: string) {
    const a = await loadReferral(db, ctx.actor, id);
    const [row] = await Promise.all([
      referralsRepo.message(db, id, messageId),
      recordAudit(db, ctx, { action: 'referral.messages.read', entityType: 'referral', entityId: id, organizationId: a.orgId }),
    ]);
    if (!row) throw notFound('message');
    return toMessage(row);
  },

  // The referral, then the message with its notifications and audit row (and Idempotency-Key
  // mark) in one atomic statement beside the author's names: 3 statements instead of 6, no
  // BEGIN/COMMIT.
  async postMessage(ctx: Ctx, id: string, body: string) {
    const a = await loadReferral(db, ctx.actor, id);
    requireParty(a);
    const userId = userIdOf(ctx.actor);
    const apiKeyId = apiKeyIdOf(ctx.actor);
    const sides: ReferralSide[] = a.row.receivingOrgId && wasSent(a.row) ? ['sender', 'receiver'] : ['sender'];
    const [m, names] = await Promise.all([
      referralsRepo.insertMessageWith(db, { referralId: id, authorUserId: userId, authorApiKeyId: apiKeyId, authorOrgId: a.orgId!, body }, [
        referralsRepo.touch(id),
        notifier.insert('referral.message', 'referral', referralsRepo.notifyRows(a.row, { sides, followers: true, actorUserId: userId, title: 'New message on a referral' })),
        auditInsert(db, ctx, { action: 'referral.message', entityType: 'referral', entityId: id, organizationId: a.orgId }),
        // Both sides of a sent referral (the sender alone on a draft); ids only, never the text.
        referralsRepo.outboxInsert(db, 'referral.message_created', sides.length > 1 ? [a.row.sendingOrgId, a.row.receivingOrgId!] : [a.row.sendingOrgId], { referralId: id, version: a.row.version, at: new Date().toISOString() }),
      ]),
      referralsRepo.actorNames(db, { userId, apiKeyId, orgId: a.orgId! }),
    ]);
    return toMessage({ m, userName: names.user_name, keyName: names.key_name, orgName: names.org_name, readAt: null });
  },

  /**
   * A person marks the thread read for themselves (referral_reads); an API key marks it read for
   * its organization (referral_org_reads), which is what the organization's keys count as unread
   * and what a message's readAt shows the other side. Neither changes the other's read state: a
   * person's unread counts are theirs alone. A key is on the referral through its organization's
   * side; outsiders' keys get the same 404 as a random id (loadReferral).
   */
  async markRead(ctx: Ctx, id: string) {
    const { actor } = ctx;
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in or send an API key.');
    return db.transaction(async (tx) => {
      await loadReferral(tx, actor, id);
      const r = actor.kind === 'user' ? await referralsRepo.markRead(tx, id, actor.userId) : await referralsRepo.markOrgRead(tx, id, actor.organizationId, actor.keyId);
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

  /**
   * Following: whoever may read the referral may follow it, and is then notified of its changes
   * and messages (README "Who is notified"). Anyone else gets the 404 a random id gets.
   */
  async follow(ctx: Ctx, id: string, on: boolean) {
    const userId = userIdOf(ctx.actor);
    if (!userId) throw new AppError('forbidden', 'Following belongs to a signed-in user.');
    return db.transaction(async (tx) => {
      await loadReferral(tx, ctx.actor, id);
      await (on ? referralsRepo.follow(tx, id, userId) : referralsRepo.unfollow(tx, id, userId));
      await markIdempotencyKey(tx, ctx, { entityType: 'referral', entityId: id });
      return { referralId: id, following: on };
    });
  },
});
