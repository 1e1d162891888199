import {
  DEFAULT_CLOSURE_REASON_MAP,
  LOOP_CLOSURE_REASONS,
  loopClosureReason,
  outcomesFor,
  type ClosureReason,
  type FirstContactMethod,
  type LoopClosureReason,
  type ReferralSide,
  type ReferralStatus,
} from './enums';
import type { FieldErrorCode } from '../common/field-errors';
import { isOpen } from './state-machine';

// Closing the loop (ARCHITECTURE §3): first contact (when and how, correctable by the receiver),
// the outcome recorded with completed / unable_to_complete (decideTransition checks it), and the
// sender's "loop closed" mark, which is not a status change: terminal states stay terminal.
// Pure: every clock reading is an argument.

export type LoopRefusal = { ok: false; code: 'forbidden' | 'conflict' | 'validation_failed'; detail: string; field?: 'firstContactAt' | 'method'; fieldCode?: FieldErrorCode };
export type LoopDecision = { ok: true } | LoopRefusal;

/** A first contact may be up to this far in the future (clocks differ a little). */
export const FIRST_CONTACT_CLOCK_SKEW_MS = 60_000;

const MINUTE_MS = 60_000;
/** The start of `d`'s minute: people give times to the minute (a time field has no seconds). */
const minuteOf = (d: Date) => new Date(Math.floor(d.getTime() / MINUTE_MS) * MINUTE_MS);

/**
 * The first-contact time to record for `at`, given to the minute: a time in the minute the
 * referral was sent (a worker who reached the client at once) is recorded as the sending time,
 * never before it, so time-to-first-contact is never negative.
 */
export const firstContactTimeOf = (at: Date, sentAt: Date | null): Date => (sentAt && at < sentAt ? sentAt : at);

export interface FirstContactInput {
  /** record: the first time; correct: change when or how of the one recorded. */
  mode: 'record' | 'correct';
  /** The caller's sides of this referral (none for a network admin looking in). */
  sides: readonly ReferralSide[];
  status: ReferralStatus;
  sentAt: Date | null;
  closedAt: Date | null;
  /** What is on record now, if anything. */
  recorded: { at: Date; method: FirstContactMethod | null } | null;
  loopClosedAt: Date | null;
  /** The first contact after this change (a correction merges what it leaves out with `recorded`). */
  at: Date;
  method: FirstContactMethod | null;
  now: Date;
}

/**
 * Recording or correcting first contact. Checks, first failure wins:
 * 1. forbidden — only the receiving organization reaches the client;
 * 2. conflict — record: the referral must be open and have no first contact yet (a second
 *    record is refused: correct it instead). correct: a first contact must be on record, the
 *    referral open or closed with an outcome (completed / unable_to_complete), and the loop not
 *    yet marked closed by the sender (that mark seals the record);
 * 3. validation_failed — when is before the minute of sending, after closing or in the future; a
 *    correction that changes nothing. (Times are given to the minute: a time in the minute of
 *    sending is accepted and recorded as the sending time, firstContactTimeOf.)
 */
export const decideFirstContact = (x: FirstContactInput): LoopDecision => {
  const refuse = (code: LoopRefusal['code'], detail: string, field?: LoopRefusal['field'], fieldCode?: FieldErrorCode): LoopRefusal => ({ ok: false, code, detail, ...(field ? { field } : {}), ...(fieldCode ? { fieldCode } : {}) });
  const what = x.mode === 'record' ? 'record' : 'correct';
  if (!x.sides.includes('receiver')) return refuse('forbidden', `Only the receiving organization may ${what} first contact.`);
  if (x.mode === 'record') {
    if (!isOpen(x.status)) return refuse('conflict', 'First contact is recorded on an open referral.');
    if (x.recorded) return refuse('conflict', 'First contact is already recorded; correct it instead.');
  } else {
    if (!x.recorded) return refuse('conflict', 'No first contact is recorded yet: record it first.');
    if (!isOpen(x.status) && !outcomesFor(x.status)) return refuse('conflict', `First contact cannot be corrected on a ${x.status} referral.`);
    if (x.loopClosedAt) return refuse('conflict', 'The sender has marked the loop closed: first contact can no longer be corrected.');
  }
  if (x.at.getTime() > x.now.getTime() + FIRST_CONTACT_CLOCK_SKEW_MS) return refuse('validation_failed', 'First contact cannot be in the future.', 'firstContactAt', 'referral.first_contact_in_future');
  if (x.sentAt && x.at < minuteOf(x.sentAt)) return refuse('validation_failed', 'First contact happens after the referral was sent.', 'firstContactAt', 'referral.first_contact_before_sent');
  if (x.closedAt && x.at > x.closedAt) return refuse('validation_failed', 'First contact happens before the referral was closed.', 'firstContactAt', 'referral.first_contact_after_closed');
  if (x.mode === 'correct' && x.recorded && x.recorded.at.getTime() === firstContactTimeOf(x.at, x.sentAt).getTime() && x.recorded.method === x.method) {
    return refuse('validation_failed', 'The correction changes nothing: give a different time or method.', 'firstContactAt', 'referral.correction_unchanged');
  }
  return { ok: true };
};

/** Statuses whose outcome the sender can mark seen (the ones that record an outcome). */
export const LOOP_CLOSABLE_STATUSES = ['completed', 'unable_to_complete'] as const satisfies readonly ReferralStatus[];
export const isLoopClosable = (status: ReferralStatus): boolean => (LOOP_CLOSABLE_STATUSES as readonly ReferralStatus[]).includes(status);

/**
 * The sender marks the outcome seen ("loop closed", who and when). Checks, first failure wins:
 * 1. forbidden — only the sending organization (its staff, admins and API keys) closes the loop;
 *    the receiver recorded the outcome, the sender confirms it reached them. A network admin on
 *    neither side may not either;
 * 2. conflict — the referral is not completed / unable_to_complete (no outcome to see yet, or a
 *    referral declined, cancelled or entered in error, which has no receiver outcome), or the loop
 *    is already marked closed (once).
 */
export const decideLoopClosed = (x: { sides: readonly ReferralSide[]; status: ReferralStatus; loopClosedAt: Date | null }): LoopDecision => {
  if (!x.sides.includes('sender')) return { ok: false, code: 'forbidden', detail: 'Only the sending organization may mark the loop closed.' };
  if (!isLoopClosable(x.status)) {
    return { ok: false, code: 'conflict', detail: `The loop closes on an outcome: a ${x.status} referral has none to mark seen.` };
  }
  if (x.loopClosedAt) return { ok: false, code: 'conflict', detail: 'The loop is already marked closed.' };
  return { ok: true };
};

export interface LoopRollupRow {
  status: ReferralStatus;
  statusReason: ClosureReason | null;
  outcome: LoopClosureReason | null;
  loopClosed: boolean;
  n: number;
}

export interface LoopRollup {
  /** Completed / unable_to_complete whose outcome the sender has not marked seen yet. */
  awaiting: number;
  /** Marked loop closed by the sender: what the reports count as loop closure. */
  closed: number;
  /** Every closed referral (not entered_in_error) by its DHCS loop-closure reason. */
  byReason: Record<LoopClosureReason, number>;
}

/** Loop-closure counts from per-(status, reason, outcome, loop closed) counts. */
export const loopClosureRollup = (
  rows: readonly LoopRollupRow[],
  reasonMap: Readonly<Record<ClosureReason, LoopClosureReason>> = DEFAULT_CLOSURE_REASON_MAP,
): LoopRollup => {
  const out: LoopRollup = { awaiting: 0, closed: 0, byReason: Object.fromEntries(LOOP_CLOSURE_REASONS.map((r) => [r, 0])) as Record<LoopClosureReason, number> };
  for (const r of rows) {
    if (isLoopClosable(r.status)) {
      if (r.loopClosed) out.closed += r.n;
      else out.awaiting += r.n;
    }
    const reason = loopClosureReason(r.status, r.statusReason, reasonMap, r.outcome);
    if (reason) out.byReason[reason] += r.n;
  }
  return out;
};
