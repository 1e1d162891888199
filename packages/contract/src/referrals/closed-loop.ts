import { z } from 'zod';
import { CommunitySupportSchema, SdohCategorySchema } from '../common/enums';
import { DateSchema, IdSchema } from '../common/ids';
import {
  CLOSURE_REASONS,
  ClosureReasonSchema,
  loopClosureReason,
  LoopClosureReasonSchema,
  ReferralStatusSchema,
  type ClosureReason,
  type LoopClosureReason,
  type ReferralStatus,
} from './enums';

// Medi-Cal closed-loop referral export (issue 27): one row per referral, with the DHCS CLR data
// elements (status, date of status update, reason for loop closure), and the mapping of our
// terminal states and reasons to a loop-closure reason, editable by network admins.

/** The terminal states a loop-closure reason is mapped from (entered_in_error never existed). */
export const CLOSED_LOOP_STATUSES = ['completed', 'declined', 'unable_to_complete', 'cancelled'] as const satisfies readonly ReferralStatus[];
export type ClosedLoopStatus = (typeof CLOSED_LOOP_STATUSES)[number];

export const ClosedLoopMappingEntrySchema = z
  .strictObject({
    status: z.enum(CLOSED_LOOP_STATUSES).describe('A terminal referral status'),
    reason: ClosureReasonSchema.nullable().describe('The status reason recorded with it; null: none recorded'),
    loopClosureReason: LoopClosureReasonSchema,
  })
  .meta({ id: 'ClosedLoopMappingEntry' });
export type ClosedLoopMappingEntry = z.infer<typeof ClosedLoopMappingEntrySchema>;

/** Every (status, reason) the mapping has a row for: each terminal state with each reason, and with none. */
export const CLOSED_LOOP_KEYS: readonly { status: ClosedLoopStatus; reason: ClosureReason | null }[] = CLOSED_LOOP_STATUSES.flatMap((status) =>
  [...CLOSURE_REASONS, null].map((reason) => ({ status, reason })),
);

/** The default mapping (la-reference.json, mediCalClosedLoopReferral): loopClosureReason's answer for every key. */
export const defaultClosedLoopMapping = (): ClosedLoopMappingEntry[] =>
  CLOSED_LOOP_KEYS.map((k) => ({ ...k, loopClosureReason: loopClosureReason(k.status, k.reason)! }));

const keyOf = (status: string, reason: string | null | undefined) => `${status}:${reason ?? ''}`;

/** The defaults with the saved entries over them, in CLOSED_LOOP_KEYS order. */
export const effectiveClosedLoopMapping = (saved: readonly ClosedLoopMappingEntry[]): ClosedLoopMappingEntry[] => {
  const over = new Map(saved.map((e) => [keyOf(e.status, e.reason), e.loopClosureReason]));
  return defaultClosedLoopMapping().map((e) => ({ ...e, loopClosureReason: over.get(keyOf(e.status, e.reason)) ?? e.loopClosureReason }));
};

/**
 * A referral's loop-closure reason under `mapping`: the outcome the receiver recorded wins on
 * completed / unable_to_complete (it is already a loop-closure reason); else the mapping's row for
 * (status, reason); null for an open referral or entered_in_error.
 */
export const closedLoopReason = (
  mapping: readonly ClosedLoopMappingEntry[],
  status: ReferralStatus,
  reason: ClosureReason | null | undefined,
  outcome?: LoopClosureReason | null,
): LoopClosureReason | null => {
  if (outcome && (status === 'completed' || status === 'unable_to_complete')) return outcome;
  if (!(CLOSED_LOOP_STATUSES as readonly string[]).includes(status)) return null;
  const row = mapping.find((e) => e.status === status && e.reason === (reason ?? null));
  return row ? row.loopClosureReason : loopClosureReason(status, reason);
};

export const ClosedLoopMappingSchema = z
  .object({
    entries: z.array(ClosedLoopMappingEntrySchema).describe('One row per terminal status and reason (and none), defaults filled in'),
    version: z.number().int().min(1),
    updatedAt: z.iso.datetime().nullable().describe('When a network admin last saved it; null: never (the defaults)'),
  })
  .meta({ id: 'ClosedLoopMapping' });
export type ClosedLoopMapping = z.infer<typeof ClosedLoopMappingSchema>;

export const UpdateClosedLoopMappingBodySchema = z
  .strictObject({
    entries: z.array(ClosedLoopMappingEntrySchema).max(CLOSED_LOOP_KEYS.length).describe('The rows to set; a key not named takes its default'),
    version: z.number().int().min(1).max(2147483647).optional(),
  })
  .refine((b) => new Set(b.entries.map((e) => keyOf(e.status, e.reason))).size === b.entries.length, { path: ['entries'], message: 'Each status and reason once' })
  .meta({ id: 'UpdateClosedLoopMappingBody' });

export const ClosedLoopQuerySchema = z
  .strictObject({
    from: DateSchema.optional().describe('First day referred (Los Angeles time), included; default: a year before `to`, plus a day'),
    to: DateSchema.optional().describe('Last day referred (Los Angeles time), included; default: today'),
    receivingOrganizationId: IdSchema.optional().describe('Only referrals to this organization'),
    communitySupport: CommunitySupportSchema.optional().describe("Only referrals to a service offering this Medi-Cal Community Support"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Must be on or after from' });

export const ClosedLoopRowSchema = z
  .object({
    referralId: IdSchema,
    clientId: IdSchema.nullable(),
    communitySupport: CommunitySupportSchema.nullable().describe("The receiving service's Community Support, if any"),
    needs: z.array(SdohCategorySchema),
    referringOrganizationId: IdSchema,
    referringOrganization: z.string(),
    receivingOrganizationId: IdSchema.nullable(),
    receivingOrganization: z.string().nullable(),
    dateReferred: DateSchema.describe('The day it was sent (Los Angeles)'),
    status: ReferralStatusSchema,
    statusDate: DateSchema.describe('The day of its last status change (Los Angeles): the DHCS "date of referral status update"'),
    loopClosureReason: LoopClosureReasonSchema.nullable().describe('Under the mapping; null while open'),
    daysToAcknowledge: z.number().int().min(0).nullable().describe('Los Angeles days from sent to acknowledged; null: not yet'),
    daysToClose: z.number().int().min(0).nullable().describe('Los Angeles days from sent to closed; null: open'),
  })
  .meta({ id: 'ClosedLoopRow' });
export type ClosedLoopRow = z.infer<typeof ClosedLoopRowSchema>;

export const ClosedLoopReportSchema = z
  .object({ from: DateSchema, to: DateSchema, rows: z.array(ClosedLoopRowSchema).describe('By date referred, then id') })
  .meta({ id: 'ClosedLoopReport' });
export type ClosedLoopReport = z.infer<typeof ClosedLoopReportSchema>;
