import {
  allowedTransitions,
  decideTransition,
  DIRECTION_SIDE,
  referralDirections,
  type ClosureReason,
  type LoopClosureReason,
  type ReferralSide,
  type ReferralStatus,
} from '@tandem/contract';
import type { DbOrTx } from '@tandem/db';
import { AppError, notFound } from '../../lib/app-error';
import { actingOrgIds, hasRole, isNetworkAdmin, type Actor } from '../../lib/actor';
import { referralsRepo, type ReferralRow } from './repo';

export interface Access {
  row: ReferralRow;
  /** The caller's sides of this referral: usually one, both for a self-referral, none for a network admin looking in. */
  sides: ReferralSide[];
  /** The organization the caller acts for on this referral (audit, events); null for a network admin on neither side. */
  orgId: string | null;
  flags: { isSenderOrgAdmin: boolean; isNetworkAdmin: boolean };
}

/**
 * Whether the referral was ever sent. One never sent — a draft, or a draft cancelled (or marked
 * entered_in_error) before sending, so sent_at is null — is the sender's alone (ARCHITECTURE §4):
 * not the receiver's, not a network admin's. The SQL twin is referralsRepo's `wasSentSql`.
 */
export const wasSent = (row: Pick<ReferralRow, 'status' | 'sentAt'>) => row.status !== 'draft' && row.sentAt !== null;

/** A referral never sent is the sender's alone: the receiver does not see it until it is sent. */
const sidesOf = (row: ReferralRow, actor: Actor): ReferralSide[] =>
  referralDirections(
    { sendingOrganizationId: row.sendingOrgId, receivingOrganizationId: wasSent(row) ? row.receivingOrgId : null },
    actingOrgIds(actor),
  ).map((d) => DIRECTION_SIDE[d]);

export const accessOf = (row: ReferralRow, actor: Actor): Access | null => {
  const sides = sidesOf(row, actor);
  const netAdmin = isNetworkAdmin(actor);
  if (!sides.length && !(netAdmin && wasSent(row))) return null;
  return {
    row,
    sides,
    orgId: sides.includes('receiver') ? row.receivingOrgId : sides.includes('sender') ? row.sendingOrgId : null,
    flags: { isSenderOrgAdmin: hasRole(actor, row.sendingOrgId, 'org_admin'), isNetworkAdmin: netAdmin },
  };
};

/**
 * Loads a referral the caller may see. Anyone not on it (another organization, its API keys)
 * gets the same 404 as a random id, so a referral's existence is never confirmed to outsiders
 * (ARCHITECTURE §4). `forUpdate` locks the row for the rest of the transaction.
 */
export const loadReferral = async (db: DbOrTx, actor: Actor, id: string): Promise<Access> => {
  const row = await referralsRepo.one(db, id);
  const access = row ? accessOf(row, actor) : null;
  if (!access) throw notFound('referral');
  return access;
};

/** Throws 404 unless the caller is on the given side (network admins are not on a side). */
export const requireSide = (a: Access, side: ReferralSide, what: string) => {
  if (!a.sides.includes(side)) throw new AppError('forbidden', `Only the ${side === 'sender' ? 'sending' : 'receiving'} organization may ${what}.`);
};

/** What this caller may choose next, for the detail's action buttons. */
export const allowedFor = (a: Access, status: ReferralStatus = a.row.status): ReferralStatus[] => {
  // A network admin looking in from outside has only the correction (entered_in_error).
  if (!a.sides.length) return allowedTransitions(status, 'sender', a.flags).filter((s) => s === 'entered_in_error');
  return [...new Set(a.sides.flatMap((side) => allowedTransitions(status, side, a.flags)))];
};

const RANK = { invalid_transition: 0, forbidden: 1, validation_failed: 2 } as const;

/**
 * Every status change goes through the contract's decideTransition. A caller on both sides
 * succeeds if either side may; otherwise the most specific refusal is reported, always with the
 * statuses they may choose instead.
 */
export const assertTransition = (
  a: Access,
  to: ReferralStatus,
  opts: { reason?: ClosureReason | null; note?: string | null; outcome?: LoopClosureReason | null; automatic?: boolean },
  side?: ReferralSide,
) => {
  const from = a.row.status;
  const sides: ReferralSide[] = side ? [side] : a.sides.length ? a.sides : ['sender'];
  const outsider = !a.sides.length;
  const decisions = sides.map((s) => decideTransition({ from, to, side: s, ...a.flags, ...opts }));
  if (!outsider && decisions.some((d) => d.ok)) return;
  if (outsider && to === 'entered_in_error' && decisions[0]!.ok) return;
  const allowed = allowedFor(a);
  const worst = decisions
    .map((d) => (d.ok ? { ok: false as const, code: 'forbidden' as const, detail: `Only the organizations on the referral may move it to ${to}.`, allowed } : d))
    .sort((x, y) => RANK[y.code] - RANK[x.code])[0]!;
  throw new AppError(worst.code, worst.detail, {
    allowed,
    ...(worst.code === 'validation_failed' ? { errors: [{ path: `body.${worst.field ?? 'reason'}`, message: worst.detail, code: /required|needs a note/.test(worst.detail) ? ('required' as const) : ('invalid_value' as const) }] } : {}),
  });
};
