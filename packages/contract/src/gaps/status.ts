import { GAP_STATUSES, type GapStatus } from './enums';

// The one place that decides whether a gap may change status (CONVENTIONS "Copy these places":
// the referral state machine's shape). The API's service calls it inside the transaction; the web
// shows the actions `allowedGapTransitions` names.

interface Edge {
  /** not_pursued says why (ARCHITECTURE §2: "not_pursued with rationale"). */
  rationale: 'required' | 'optional';
}

const EDGES: Record<GapStatus, Partial<Record<GapStatus, Edge>>> = {
  identified: { escalated: { rationale: 'optional' }, in_progress: { rationale: 'optional' }, not_pursued: { rationale: 'required' } },
  escalated: { in_progress: { rationale: 'optional' }, resolved: { rationale: 'optional' }, not_pursued: { rationale: 'required' } },
  in_progress: { resolved: { rationale: 'optional' }, not_pursued: { rationale: 'required' } },
  resolved: {},
  not_pursued: {},
};

export const FINAL_GAP_STATUSES = GAP_STATUSES.filter((s) => Object.keys(EDGES[s]).length === 0);
export const isGapOpen = (s: GapStatus) => !FINAL_GAP_STATUSES.includes(s);

export type GapTransitionDecision = { ok: true } | { ok: false; code: 'invalid_transition' | 'validation_failed'; message: string };

/** May a gap move `from` → `to` with this rationale? Pure: same answer in the API and the web. */
export const decideGapTransition = (i: { from: GapStatus; to: GapStatus; rationale?: string | null }): GapTransitionDecision => {
  const edge = EDGES[i.from][i.to];
  if (!edge) return { ok: false, code: 'invalid_transition', message: `A gap cannot go from ${i.from} to ${i.to}.` };
  if (edge.rationale === 'required' && !i.rationale?.trim()) {
    return { ok: false, code: 'validation_failed', message: `Moving a gap to ${i.to} needs a rationale.` };
  }
  return { ok: true };
};

/** The statuses a gap in `from` may move to, in the table's order. */
export const allowedGapTransitions = (from: GapStatus): GapStatus[] => Object.keys(EDGES[from]) as GapStatus[];
/** Whether moving to `to` from `from` needs a rationale (false for an edge that does not exist). */
export const gapRationaleRequired = (from: GapStatus, to: GapStatus) => EDGES[from][to]?.rationale === 'required';
