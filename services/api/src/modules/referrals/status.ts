import { isTerminal, type ClosureReason, type LoopClosureReason, type ReferralSide, type ReferralStatus } from '@tandem/contract';
import type { DbOrTx } from '@tandem/db';
import { AppError } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf, apiKeyIdOf } from '../../lib/actor';
import { auditInsert } from '../../lib/audit';
import { writeTogether } from '../../lib/batch';
import { assertVersion } from '../../lib/concurrency';
import { assertTransition, wasSent, type Access } from './access';
import type { Notifier } from '../notifications';
import { referralsRepo, type Reader, type ReferralInsert, type ReferralRow } from './repo';

export interface StatusChange {
  to: ReferralStatus;
  reason?: ClosureReason | null;
  note?: string | null;
  /** The receiver's outcome: required with completed / unable_to_complete (decideTransition). */
  outcome?: LoopClosureReason | null;
  /** The version the caller read; the row's current version when the system acts. */
  expected?: number;
  automatic?: boolean;
  /** Decide as this side only (e.g. forwarding is the receiver's act). */
  side?: ReferralSide;
  /** More columns written with the status (sentAt and due dates on send). */
  set?: Partial<ReferralInsert>;
}

/** Whose read state the caller's unread counts use: a person's own, an API key's organization's (repo Reader). */
export const readerOf = (actor: Actor): Reader =>
  actor.kind === 'user' ? { kind: 'user', id: actor.userId } : actor.kind === 'apiKey' ? { kind: 'org', id: actor.organizationId } : null;

/**
 * The one recipe for a status change (CONVENTIONS 9): decideTransition guards it,
 * then the row (version-checked in the WHERE), its event, the outbox row, the notifications and
 * the audit record are written in ONE statement (referralsRepo.updateVersionedWith), so they
 * commit together or not at all, with or without a surrounding transaction.
 * Returns null only for `tolerateStale` (the automatic acknowledgement losing a race).
 */
export async function changeStatus(notifier: Notifier, tx: DbOrTx, ctx: Ctx, a: Access, c: StatusChange, tolerateStale = false): Promise<ReferralRow | null> {
  const from = a.row.status;
  assertTransition(a, c.to, { reason: c.reason, note: c.note, outcome: c.outcome, automatic: c.automatic }, c.side);
  assertVersion(a.row.version, c.expected);
  const now = new Date();
  const receiverActs = c.side === 'receiver' || (!c.side && a.sides.includes('receiver'));
  const set: Partial<ReferralInsert> = {
    status: c.to,
    statusReason: c.reason ?? null,
    statusNote: c.note ?? null,
    statusChangedAt: now,
    // The receiver's first act on a sent referral also counts as acknowledging it.
    ...(receiverActs && !a.row.acknowledgedAt && from !== 'draft' ? { acknowledgedAt: now } : {}),
    ...(isTerminal(c.to) ? { closedAt: now } : {}),
    ...(c.outcome ? { outcome: c.outcome } : {}),
    ...c.set,
  };
  const version = c.expected ?? a.row.version;
  // What records the change needs only what the caller read: the UPDATE matches only that
  // version, and a status change does not move the organizations.
  const { id, sendingOrgId, receivingOrgId } = a.row;
  const userId = userIdOf(ctx.actor);
  const orgId = c.side === 'sender' ? sendingOrgId : c.side === 'receiver' ? receivingOrgId : a.orgId;
  // The receiver hears of a referral only from its sending on: cancelling a draft tells no one but the sender.
  const parties = [sendingOrgId, ...(receivingOrgId && (wasSent(a.row) || c.to === 'sent') ? [receivingOrgId] : [])];
  // Who is notified (README): the receiver hears of it when it is sent; after that both sides'
  // holders and its followers hear of each change.
  const notice =
    c.to === 'sent'
      ? notifier.insert('referral.received', 'referral', referralsRepo.notifyRows(a.row, { sides: ['receiver'], followers: false, actorUserId: userId, title: 'New referral received' }))
      : notifier.insert(
          'referral.status_changed',
          'referral',
          referralsRepo.notifyRows(a.row, { sides: parties.length > 1 ? ['sender', 'receiver'] : ['sender'], followers: true, actorUserId: userId, title: `Referral ${c.to.replace(/_/g, ' ')}`, data: { status: c.to } }),
        );
  // The event, outbox row (ids only: webhook payloads leave the network, so no PHI), the
  // notifications and the audit record.
  const records = [
    referralsRepo.eventInsert(tx, { referralId: id, kind: 'status_changed', actorUserId: userId, actorApiKeyId: apiKeyIdOf(ctx.actor), actorOrgId: orgId, fromStatus: from, toStatus: c.to, reason: c.reason ?? null, note: c.note ?? null, data: c.automatic ? { automatic: true } : c.outcome ? { outcome: c.outcome } : null }),
    referralsRepo.outboxInsert(tx, 'referral.status_changed', parties, { referralId: id, from, to: c.to, version: version + 1, at: now.toISOString() }),
    // Sending is also its own event type, for subscribers that only want new referrals.
    c.to === 'sent' && referralsRepo.outboxInsert(tx, 'referral.sent', parties, { referralId: id, status: 'sent', version: version + 1, at: now.toISOString() }),
    notice,
    auditInsert(tx, ctx, { action: 'referral.transition', entityType: 'referral', entityId: id, organizationId: orgId, changes: { status: { from, to: c.to }, ...(c.outcome ? { outcome: { from: a.row.outcome, to: c.outcome } } : {}) } }),
  ];
  let row: ReferralRow | undefined;
  if (tolerateStale) {
    // Losing this race must not abort the caller's transaction, so no raising statement: the
    // UPDATE first, and the records only if it matched.
    row = await referralsRepo.updateVersioned(tx, id, version, set);
    if (!row) return null;
    await writeTogether(tx, records);
  } else {
    // The UPDATE and its records in one statement, undone together if the version was stale.
    row = await referralsRepo.updateVersionedWith(tx, id, version, set, records);
    if (!row) throw new AppError('stale_version', 'The referral changed since you read it. Reload and try again.');
  }
  a.row = row;
  return row;
}
