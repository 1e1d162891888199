import { z } from 'zod';

// Referral enums, written once as `as const` arrays behind z.enum (CONVENTIONS 7). The database
// check constraints are generated from the same arrays.

/** Lifecycle states (ARCHITECTURE §3), aligned with the SDOHCC Task for referral management. */
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'in_progress',
  'on_hold',
  'completed',
  'unable_to_complete',
  'cancelled',
  'entered_in_error',
] as const;
export const ReferralStatusSchema = z
  .enum(REFERRAL_STATUSES)
  .describe('Referral status: draft → sent → acknowledged → accepted → in_progress/on_hold → completed, or a closing state')
  .meta({ id: 'ReferralStatus' });
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

/** No transition leaves these, except the admin correction to entered_in_error. */
export const TERMINAL_STATUSES = [
  'declined',
  'completed',
  'unable_to_complete',
  'cancelled',
  'entered_in_error',
] as const satisfies readonly ReferralStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];

/** Sent and not yet closed: the states that count for duplicates, SLAs and "open" inbox tabs. */
export const OPEN_STATUSES = REFERRAL_STATUSES.filter(
  (s): s is Exclude<ReferralStatus, 'draft' | TerminalStatus> => s !== 'draft' && !(TERMINAL_STATUSES as readonly string[]).includes(s),
);
export type OpenStatus = Exclude<ReferralStatus, 'draft' | TerminalStatus>;

/** Why a referral was declined, could not be completed, or was cancelled. `other` needs a note. */
export const CLOSURE_REASONS = [
  'not_eligible',
  'no_capacity',
  'client_unreachable',
  'client_declined',
  'out_of_area',
  'duplicate',
  'referred_elsewhere',
  'other',
] as const;
export const ClosureReasonSchema = z
  .enum(CLOSURE_REASONS)
  .describe('Reason for declining, not completing or cancelling a referral; `other` requires a note')
  .meta({ id: 'ClosureReason' });
export type ClosureReason = z.infer<typeof ClosureReasonSchema>;

export const URGENCIES = ['routine', 'urgent', 'emergent'] as const;
export const UrgencySchema = z
  .enum(URGENCIES)
  .describe('How soon the client needs the service (FHIR Task.priority)')
  .meta({ id: 'Urgency' });
export type Urgency = z.infer<typeof UrgencySchema>;

export const CONSENT_SCOPES = ['network', 'listed_orgs'] as const;
export const ConsentScopeSchema = z
  .enum(CONSENT_SCOPES)
  .describe('network: every partner organization in the network; listed_orgs: only the organizations named on the consent')
  .meta({ id: 'ConsentScope' });
export type ConsentScope = z.infer<typeof ConsentScopeSchema>;

export const CONSENT_METHODS = ['written', 'verbal_witnessed', 'electronic'] as const;
export const ConsentMethodSchema = z.enum(CONSENT_METHODS).describe('How the client gave consent').meta({ id: 'ConsentMethod' });
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>;

export const CONTACT_METHODS = ['phone', 'text', 'email', 'in_person', 'through_sender'] as const;
export const ContactMethodSchema = z
  .enum(CONTACT_METHODS)
  .describe("How the client prefers to be reached; through_sender: only via the sending organization's named contact")
  .meta({ id: 'ContactMethod' });
export type ContactMethod = z.infer<typeof ContactMethodSchema>;

/** How the receiver first reached the client (asked when recording first contact). */
export const FIRST_CONTACT_METHODS = ['phone', 'text', 'in_person', 'video', 'email'] as const;
export const FirstContactMethodSchema = z
  .enum(FIRST_CONTACT_METHODS)
  .describe('How the receiver first reached the client')
  .meta({ id: 'FirstContactMethod' });
export type FirstContactMethod = z.infer<typeof FirstContactMethodSchema>;

/**
 * Timeline entry kinds. first_contact: first contact recorded, or corrected (the event's data
 * holds the previous when/how); loop_closed: the sender saw the outcome.
 */
export const REFERRAL_EVENT_TYPES = ['created', 'updated', 'status_changed', 'assigned', 'forwarded', 'first_contact', 'loop_closed'] as const;
export const ReferralEventTypeSchema = z.enum(REFERRAL_EVENT_TYPES).describe('Kind of timeline entry').meta({ id: 'ReferralEventType' });
export type ReferralEventType = z.infer<typeof ReferralEventTypeSchema>;

/** The two sides of a referral, as the state machine sees them. */
export const REFERRAL_SIDES = ['sender', 'receiver'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

/** The two inbox boxes; a box is the direction a referral has *for one organization*. */
export const REFERRAL_DIRECTIONS = ['received', 'sent'] as const;
export const ReferralDirectionSchema = z
  .enum(REFERRAL_DIRECTIONS)
  .describe('received: referrals sent to your organization; sent: referrals your organization sent')
  .meta({ id: 'ReferralDirection' });
export type ReferralDirection = z.infer<typeof ReferralDirectionSchema>;

/**
 * What `GET /api/v1/referrals` lists: an organization's two boxes, or `network`: every referral
 * that was sent, anywhere in the network, for network admins and the collaboration team only
 * (read-only; docs/decisions/0009-network-referral-box.md).
 */
export const REFERRAL_BOXES = [...REFERRAL_DIRECTIONS, 'network'] as const;
export const ReferralBoxSchema = z
  .enum(REFERRAL_BOXES)
  .describe(
    'received: referrals sent to your organization; sent: referrals your organization sent; network: every referral sent in the network ' +
      '(network admins and the collaboration team only; the collaboration team sees no client details)',
  )
  .meta({ id: 'ReferralBox' });
export type ReferralBox = z.infer<typeof ReferralBoxSchema>;

export const DIRECTION_SIDE = { sent: 'sender', received: 'receiver' } as const satisfies Record<ReferralDirection, ReferralSide>;

/**
 * The directions a referral has for a caller belonging to `orgIds`. Usually one; both when the
 * caller belongs to both organizations (or an organization refers to itself); none when the
 * caller is unrelated (the API then answers 404 — see ARCHITECTURE §4).
 */
export const referralDirections = (
  referral: { sendingOrganizationId: string; receivingOrganizationId: string | null },
  orgIds: readonly string[],
): ReferralDirection[] => {
  const out: ReferralDirection[] = [];
  if (referral.receivingOrganizationId != null && orgIds.includes(referral.receivingOrganizationId)) out.push('received');
  if (orgIds.includes(referral.sendingOrganizationId)) out.push('sent');
  return out;
};

// FHIR R4 Task.status values allowed by SDOHCCValueSetReferralTaskStatus (TaskStatus minus
// `ready` and `received`).
export const FHIR_TASK_STATUSES = [
  'draft',
  'requested',
  'accepted',
  'rejected',
  'cancelled',
  'in-progress',
  'on-hold',
  'failed',
  'completed',
  'entered-in-error',
] as const;
export type FhirTaskStatus = (typeof FHIR_TASK_STATUSES)[number];

const FHIR_STATUS: Record<ReferralStatus, FhirTaskStatus> = {
  draft: 'draft',
  sent: 'requested',
  acknowledged: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  in_progress: 'in-progress',
  on_hold: 'on-hold',
  completed: 'completed',
  unable_to_complete: 'failed',
  cancelled: 'cancelled',
  entered_in_error: 'entered-in-error',
};

/**
 * Tandem status → FHIR Task.status (ARCHITECTURE §3). FHIR has no "seen by the receiver" state,
 * so `acknowledged` stays `requested` and says so in Task.businessStatus.
 */
export const toFhirTaskStatus = (status: ReferralStatus): { status: FhirTaskStatus; businessStatus?: string } =>
  status === 'acknowledged' ? { status: 'requested', businessStatus: 'acknowledged' } : { status: FHIR_STATUS[status] };

/** The inverse of toFhirTaskStatus, for inbound FHIR Tasks. Null for a status Tandem does not model. */
export const fromFhirTaskStatus = (status: string, businessStatus?: string | null): ReferralStatus | null => {
  if (status === 'requested') return businessStatus === 'acknowledged' ? 'acknowledged' : 'sent';
  const found = REFERRAL_STATUSES.find((s) => s !== 'acknowledged' && FHIR_STATUS[s] === status);
  return found ?? null;
};

// DHCS closed-loop referral reporting: Tandem's default loop-closure reasons
// (shared/reference/la-reference.json, mediCalClosedLoopReferral.tandemLoopClosureReasons).
export const LOOP_CLOSURE_REASONS = [
  'services_received',
  'client_declined',
  'client_unreachable',
  'not_eligible',
  'no_capacity',
  'referred_elsewhere',
  'cancelled_by_referrer',
  'duplicate',
  'other',
] as const;
export const LoopClosureReasonSchema = z
  .enum(LOOP_CLOSURE_REASONS)
  .describe('Reason for referral loop closure reported to Medi-Cal plans (DHCS CLR)')
  .meta({ id: 'LoopClosureReason' });
export type LoopClosureReason = z.infer<typeof LoopClosureReasonSchema>;

/**
 * The outcomes a receiver may record when closing its work (ARCHITECTURE §3 "completed and
 * unable_to_complete record an outcome"): completed means the client received the service (or
 * `other`, with a note); unable_to_complete names why not. `cancelled_by_referrer` is the
 * sender's cancel, never a receiver's outcome. `other` needs a note.
 */
export const OUTCOMES_BY_STATUS = {
  completed: ['services_received', 'other'],
  unable_to_complete: ['client_declined', 'client_unreachable', 'not_eligible', 'no_capacity', 'referred_elsewhere', 'duplicate', 'other'],
} as const satisfies Partial<Record<ReferralStatus, readonly LoopClosureReason[]>>;
export type OutcomeStatus = keyof typeof OUTCOMES_BY_STATUS;

/** The outcomes that go with moving to `to`; null when that status records no outcome. */
export const outcomesFor = (to: ReferralStatus): readonly LoopClosureReason[] | null =>
  to in OUTCOMES_BY_STATUS ? OUTCOMES_BY_STATUS[to as OutcomeStatus] : null;

/**
 * Closure reasons reported as themselves; the rest (out_of_area, other) become `other`. DHCS's
 * exact code list is not in our reference, so callers may pass their own map.
 */
export const DEFAULT_CLOSURE_REASON_MAP: Readonly<Record<ClosureReason, LoopClosureReason>> = {
  not_eligible: 'not_eligible',
  no_capacity: 'no_capacity',
  client_unreachable: 'client_unreachable',
  client_declined: 'client_declined',
  out_of_area: 'other',
  duplicate: 'duplicate',
  referred_elsewhere: 'referred_elsewhere',
  other: 'other',
};

/**
 * The loop-closure reason for a referral in `status`, or null when the loop is not closed
 * (draft and open states) or the referral does not count (entered_in_error: it never existed).
 * The outcome the receiver recorded wins for completed / unable_to_complete; without one (rows
 * from before outcomes were asked): completed → services_received; cancelled →
 * cancelled_by_referrer whatever its reason; declined / unable_to_complete → the mapped reason,
 * `other` when none was recorded.
 */
export const loopClosureReason = (
  status: ReferralStatus,
  reason: ClosureReason | null | undefined,
  reasonMap: Readonly<Record<ClosureReason, LoopClosureReason>> = DEFAULT_CLOSURE_REASON_MAP,
  outcome?: LoopClosureReason | null,
): LoopClosureReason | null => {
  if (outcome && (status === 'completed' || status === 'unable_to_complete')) return outcome;
  switch (status) {
    case 'completed':
      return 'services_received';
    case 'cancelled':
      return 'cancelled_by_referrer';
    case 'declined':
    case 'unable_to_complete':
      return reason ? reasonMap[reason] : 'other';
    default:
      return null;
  }
};
