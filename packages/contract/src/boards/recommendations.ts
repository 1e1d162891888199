import { z } from 'zod';

/**
 * A recommendation's life (issue 26, "the feedback loop"): submitted → under_review → adopted |
 * partially_adopted | not_adopted; an adopted or partially adopted one → implemented.
 */
export const RECOMMENDATION_STATUSES = ['submitted', 'under_review', 'adopted', 'partially_adopted', 'not_adopted', 'implemented'] as const;
export const RecommendationStatusSchema = z
  .enum(RECOMMENDATION_STATUSES)
  .describe('submitted → under_review → adopted | partially_adopted | not_adopted; adopted or partially_adopted → implemented');
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** The statuses that answer the recommendation (the health system's response). */
export const DECIDED_STATUSES = ['adopted', 'partially_adopted', 'not_adopted'] as const satisfies readonly RecommendationStatus[];
/** A response in these statuses must give its rationale (why not, or why only in part). */
export const RATIONALE_REQUIRED: readonly RecommendationStatus[] = ['partially_adopted', 'not_adopted'];
/** Waiting for the health system's answer: overdue once the response due date has passed. */
export const AWAITING_RESPONSE: readonly RecommendationStatus[] = ['submitted', 'under_review'];
/** Implementation updates (progress) are recorded for these. */
export const IMPLEMENTING: readonly RecommendationStatus[] = ['adopted', 'partially_adopted', 'implemented'];

/**
 * Which statuses each may move to. A response may come straight from submitted (the review step
 * is not required); a decision is final except that adopted or partially adopted becomes
 * implemented; implemented and not_adopted are final. Staying in the same status is not a move
 * (`canMoveRecommendation` answers true: nothing changes).
 */
export const RECOMMENDATION_EDGES: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  submitted: ['under_review', 'adopted', 'partially_adopted', 'not_adopted'],
  under_review: ['adopted', 'partially_adopted', 'not_adopted'],
  adopted: ['implemented'],
  partially_adopted: ['implemented'],
  not_adopted: [],
  implemented: [],
};

export const canMoveRecommendation = (from: RecommendationStatus, to: RecommendationStatus) =>
  from === to || RECOMMENDATION_EDGES[from].includes(to);

export const isDecided = (s: RecommendationStatus) => s !== 'submitted' && s !== 'under_review';

/** Days after submission a response is due when none is given (issue 26). */
export const DEFAULT_RESPONSE_DAYS = 90;

/** YYYY-MM-DD + days (UTC calendar arithmetic). */
export const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Overdue: still waiting for a response after its due date (`today` as YYYY-MM-DD). */
export const isRecommendationOverdue = (r: { status: RecommendationStatus; responseDue: string }, today: string) =>
  AWAITING_RESPONSE.includes(r.status) && r.responseDue < today;

/** Answered on time: a response recorded on or before the due date (its calendar day, UTC). */
export const answeredOnTime = (r: { respondedAt: string | null; responseDue: string }) =>
  !!r.respondedAt && r.respondedAt.slice(0, 10) <= r.responseDue;
