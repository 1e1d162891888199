import { outcomesFor, REFERRAL_STATUSES, TERMINAL_STATUSES, type ClosureReason, type LoopClosureReason, type ReferralSide, type ReferralStatus } from './enums';

// The one place that decides whether a referral may change status (ARCHITECTURE §3,
// CONVENTIONS 9). The API's service calls it inside the transaction, the web app calls
// `allowedTransitions` to show the next actions; both read the same table below.

/** Who may take an edge: one side of the referral, or an admin (of the sending org, or of the network). */
type Actor = ReferralSide | 'admin';
/** Whether the edge takes a closure reason. */
export type ReasonRule = 'required' | 'optional' | 'none';

interface Edge {
  by: readonly Actor[];
  reason: ReasonRule;
  /** Taken by the system (sent → acknowledged when receiving staff first open it). */
  automatic?: true;
  /**
   * An automatic edge the receiver may also choose: an API key reading a referral does not
   * acknowledge it (an integration's read is not a person seeing it), so a key acknowledges by
   * asking for this transition.
   */
  chosen?: true;
}

const RECEIVER = ['receiver'] as const;
const EITHER = ['sender', 'receiver'] as const;
const work = (): Partial<Record<ReferralStatus, Edge>> => ({
  completed: { by: RECEIVER, reason: 'none' },
  unable_to_complete: { by: RECEIVER, reason: 'required' },
  cancelled: { by: EITHER, reason: 'required' },
});

const EDGES: Record<ReferralStatus, Partial<Record<ReferralStatus, Edge>>> = {
  // A draft was never seen by anyone else: its sender may drop it without saying why.
  draft: { sent: { by: ['sender'], reason: 'none' }, cancelled: { by: ['sender'], reason: 'optional' } },
  sent: {
    acknowledged: { by: RECEIVER, reason: 'none', automatic: true, chosen: true },
    accepted: { by: RECEIVER, reason: 'none' },
    declined: { by: RECEIVER, reason: 'required' },
    cancelled: { by: EITHER, reason: 'required' },
  },
  acknowledged: {
    accepted: { by: RECEIVER, reason: 'none' },
    declined: { by: RECEIVER, reason: 'required' },
    cancelled: { by: EITHER, reason: 'required' },
  },
  // on_hold may say why (FHIR asks for Task.statusReason on on-hold), but does not have to.
  accepted: { in_progress: { by: RECEIVER, reason: 'none' }, on_hold: { by: RECEIVER, reason: 'optional' }, ...work() },
  in_progress: { on_hold: { by: RECEIVER, reason: 'optional' }, ...work() },
  on_hold: { in_progress: { by: RECEIVER, reason: 'none' }, ...work() },
  declined: {},
  completed: {},
  unable_to_complete: {},
  cancelled: {},
  entered_in_error: {},
};
// Any state but entered_in_error itself may be marked as entered in error, by an admin.
for (const s of REFERRAL_STATUSES) if (s !== 'entered_in_error') EDGES[s].entered_in_error = { by: ['admin'], reason: 'none' };

export interface TransitionFlags {
  /** The caller is an org_admin of the referral's sending organization. */
  isSenderOrgAdmin: boolean;
  isNetworkAdmin: boolean;
}

export interface TransitionInput extends TransitionFlags {
  from: ReferralStatus;
  to: ReferralStatus;
  /** The caller's side of this referral (a network admin on neither side may pass either). */
  side: ReferralSide;
  reason?: ClosureReason | null;
  note?: string | null;
  /** The loop-closure outcome: required on completed / unable_to_complete (outcomesFor), refused elsewhere. */
  outcome?: LoopClosureReason | null;
  /** Set by the system for the transitions it takes (sent → acknowledged on a person's first open). */
  automatic?: boolean;
}

export type TransitionDecision =
  | { ok: true }
  | {
      ok: false;
      code: 'invalid_transition' | 'forbidden' | 'validation_failed';
      detail: string;
      allowed: ReferralStatus[];
      /** For validation_failed: the body field at fault. */
      field?: 'reason' | 'note' | 'outcome';
    };

export const isTerminal = (status: ReferralStatus): boolean => (TERMINAL_STATUSES as readonly ReferralStatus[]).includes(status);
/** Sent and not closed: counts for duplicates, SLAs and the open inbox. */
export const isOpen = (status: ReferralStatus): boolean => status !== 'draft' && !isTerminal(status);

const mayAct = (edge: Edge, side: ReferralSide, flags: TransitionFlags): boolean =>
  edge.by.some((a) => (a === 'admin' ? flags.isSenderOrgAdmin || flags.isNetworkAdmin : a === side));

/**
 * The next states this caller may choose from `from`, in lifecycle order. Automatic edges are
 * left out unless they may also be chosen (sent → acknowledged, for API keys).
 */
export const allowedTransitions = (from: ReferralStatus, side: ReferralSide, flags: TransitionFlags): ReferralStatus[] =>
  REFERRAL_STATUSES.filter((to) => {
    const edge = EDGES[from][to];
    return edge !== undefined && (!edge.automatic || edge.chosen === true) && mayAct(edge, side, flags);
  });

/** Whether moving from → to takes a closure reason; null when there is no such edge. */
export const reasonRule = (from: ReferralStatus, to: ReferralStatus): ReasonRule | null => EDGES[from][to]?.reason ?? null;

/**
 * Decides one status change. Checks run in this order, and the first failure is returned:
 * 1. invalid_transition — no such edge, or an automatic edge requested by a person (or the
 *    system claiming a person's edge);
 * 2. forbidden — the edge exists but this caller's side/role may not take it;
 * 3. validation_failed — a required reason is missing, a reason was given where none applies,
 *    or the reason is `other` without a note; then the outcome: missing on completed /
 *    unable_to_complete, not one of outcomesFor(to), given where none applies, or `other`
 *    without a note.
 * `allowed` always lists what this caller could choose instead.
 */
export const decideTransition = (input: TransitionInput): TransitionDecision => {
  const { from, to, side, reason, note, outcome } = input;
  const flags = { isSenderOrgAdmin: input.isSenderOrgAdmin, isNetworkAdmin: input.isNetworkAdmin };
  const fail = (code: 'invalid_transition' | 'forbidden' | 'validation_failed', detail: string, field?: 'reason' | 'note' | 'outcome'): TransitionDecision => ({
    ok: false,
    code,
    detail,
    allowed: allowedTransitions(from, side, flags),
    ...(field ? { field } : {}),
  });

  const edge = EDGES[from][to];
  if (!edge) return fail('invalid_transition', `A referral cannot go from ${from} to ${to}.`);
  if (edge.automatic && !edge.chosen && !input.automatic) return fail('invalid_transition', `${to} is set automatically, not chosen.`);
  if (!edge.automatic && input.automatic) return fail('invalid_transition', `${from} → ${to} must be chosen by a person.`);
  if (!mayAct(edge, side, flags)) {
    const who = edge.by.includes('admin') ? 'an admin of the sending organization or a network admin' : `the ${edge.by.join(' or ')}`;
    return fail('forbidden', `Only ${who} may move a referral from ${from} to ${to}.`);
  }
  if (edge.reason === 'required' && !reason) return fail('validation_failed', `A reason is required to move a referral to ${to}.`, 'reason');
  if (edge.reason === 'none' && reason) return fail('validation_failed', `A reason does not apply when moving a referral to ${to}.`, 'reason');
  if (reason === 'other' && !note?.trim()) return fail('validation_failed', 'Reason "other" needs a note saying what happened.', 'note');
  const outcomes = outcomesFor(to);
  if (outcomes && !outcome) return fail('validation_failed', `An outcome is required to move a referral to ${to}: one of ${outcomes.join(', ')}.`, 'outcome');
  if (!outcomes && outcome) return fail('validation_failed', `An outcome is recorded only when completing or unable to complete, not on ${to}.`, 'outcome');
  if (outcomes && outcome && !outcomes.includes(outcome)) return fail('validation_failed', `Outcome ${outcome} does not go with ${to}: use one of ${outcomes.join(', ')}.`, 'outcome');
  if (outcome === 'other' && !note?.trim()) return fail('validation_failed', 'Outcome "other" needs a note saying what happened.', 'note');
  return { ok: true };
};
