import { z } from 'zod';
import { DateSchema, IdSchema, TimestampSchema, WriteVersionSchema, optionalText } from '../common/ids';
import { STIPEND_METHODS, StipendMethodSchema } from './enums';

// Stipends of a board's members (issue 26): the board's policy, payments, advances, calendar-year
// totals against the information-return threshold, and the network's thresholds.

/** What a payment was for. An advance is paid ahead of meetings; later earnings draw it down. */
export const STIPEND_PURPOSES = ['meeting', 'extra_work', 'period', 'advance'] as const;
export const StipendPurposeSchema = z.enum(STIPEND_PURPOSES).describe('meeting, extra_work, period (a stipend for a period of service) or advance (front-loaded, drawn down by later earnings)');
export type StipendPurpose = (typeof STIPEND_PURPOSES)[number];
/** planned → issued | returned; issued → returned. A returned payment keeps its row and leaves every total. */
export const STIPEND_STATUSES = ['planned', 'issued', 'returned'] as const;
export const StipendStatusSchema = z.enum(STIPEND_STATUSES).describe('planned → issued | returned; issued → returned (kept, left out of totals)');
export type StipendStatus = (typeof STIPEND_STATUSES)[number];

const Cents = z.number().int().min(1).max(10_000_000).describe('Amount in cents');
const RateCents = z.number().int().min(0).max(10_000_000);
const YearSchema = z.coerce.number().int().min(2000).max(2100);
const distinct = <T>(xs: T[]) => new Set(xs).size === xs.length;
/** A paid date: a calendar date (no time, no time zone) in the years the totals and thresholds cover. */
const PaidOnSchema = DateSchema.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'A date from 2000 to 2100');

// ---- Policy ----------------------------------------------------------------------------------
export const StipendPolicySchema = z
  .object({
    boardId: IdSchema,
    meetingRateCents: z.number().int().describe('Paid per meeting attended (0: not set yet)'),
    extraRateCents: z.number().int().describe('Paid per extra meeting or block of extra work'),
    annualCapCents: z.number().int().nullable().describe('Most a member may be paid in a calendar year (null: no cap)'),
    methods: z.array(StipendMethodSchema).describe('Payment methods the board offers'),
    updatedAt: TimestampSchema.nullable().describe('Null until first saved'),
    version: z.number().int().describe('1 until first saved'),
  })
  .meta({ id: 'StipendPolicy' });
export const UpdateStipendPolicyBodySchema = z
  .object({
    meetingRateCents: RateCents,
    extraRateCents: RateCents,
    annualCapCents: Cents.nullable(),
    methods: z.array(StipendMethodSchema).min(1).max(STIPEND_METHODS.length).refine(distinct, 'Each method once'),
    version: WriteVersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateStipendPolicyBody', example: { meetingRateCents: 15000, extraRateCents: 10000, annualCapCents: 250000, methods: ['check', 'gift_card'] } });

// ---- Payments --------------------------------------------------------------------------------
export const StipendPaymentSchema = z
  .object({
    id: IdSchema,
    boardId: IdSchema,
    memberId: IdSchema,
    memberName: z.string(),
    amountCents: z.number().int(),
    coveredByAdvanceCents: z.number().int().describe("The part settled against the member's outstanding advance instead of paid again"),
    paidCents: z.number().int().describe('Money this payment puts in the member\'s hands: amountCents − coveredByAdvanceCents'),
    method: StipendMethodSchema,
    purpose: StipendPurposeSchema,
    meetingId: IdSchema.nullable(),
    paidOn: DateSchema.nullable().describe('The calendar date paid (null while planned)'),
    status: StipendStatusSchema,
    note: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'StipendPayment' });

export const AdvanceBalanceSchema = z
  .object({
    memberId: IdSchema,
    memberName: z.string(),
    advancedCents: z.number().int().describe('Advances issued'),
    paidCents: z.number().int().describe('Everything issued (advances and payments)'),
    earnedCents: z.number().int().describe('Earned by meetings, extra work and periods (planned or issued)'),
    owedCents: z.number().int().describe('Earned and not yet paid'),
    stillAdvancedCents: z.number().int().describe('Paid ahead and not yet earned: what later earnings draw down'),
  })
  .meta({ id: 'AdvanceBalance' });

export const StipendPaymentListSchema = z
  .object({ data: z.array(StipendPaymentSchema), advances: z.array(AdvanceBalanceSchema).describe('Members who were ever advanced, with their balance') })
  .meta({ id: 'StipendPaymentList' });
export const StipendPaymentListQuerySchema = z.strictObject({
  memberId: IdSchema.optional(),
  year: YearSchema.optional().describe('Only payments paid in this calendar year'),
});

export const CreateStipendPaymentBodySchema = z
  .object({
    memberId: IdSchema,
    amountCents: Cents.optional().describe("Defaults to the policy's rate for a meeting or extra work; required otherwise"),
    method: StipendMethodSchema,
    purpose: StipendPurposeSchema,
    meetingId: IdSchema.nullish(),
    paidOn: PaidOnSchema.nullish().describe('Required when status is issued'),
    status: z.enum(['planned', 'issued']).default('planned'),
    note: optionalText(1000),
  })
  .refine((b) => b.status !== 'issued' || !!b.paidOn, { message: 'An issued payment needs its paid date', path: ['paidOn'] })
  .meta({ id: 'CreateStipendPaymentBody', example: { memberId: '3f0c2a4e-1b2d-4c5e-8f70-9a1b2c3d4e5f', amountCents: 150000, method: 'check', purpose: 'advance', paidOn: '2026-01-15', status: 'issued' } });

export const UpdateStipendPaymentBodySchema = z
  .object({
    status: StipendStatusSchema,
    paidOn: PaidOnSchema.nullable(),
    method: StipendMethodSchema,
    amountCents: Cents,
    note: optionalText(1000),
    version: WriteVersionSchema,
  })
  .partial()
  .meta({ id: 'UpdateStipendPaymentBody' });

export const StipendPaymentParamsSchema = z.object({ id: IdSchema, paymentId: IdSchema });

export const PayMeetingBodySchema = z
  .object({
    meetingId: IdSchema.describe("A meeting of this board; its attendees (present or remote in its attendance) are paid"),
    memberIds: z
      .array(IdSchema)
      .min(1)
      .max(100)
      .refine(distinct, 'Each member once')
      .optional()
      .describe('Only these attendees (each must have attended, present or remote); absent: every attendee'),
    method: StipendMethodSchema.optional().describe("Defaults to each member's preferred method when the policy offers it, else the policy's first"),
    paidOn: PaidOnSchema.nullish().describe('Given: the payments are issued on that date; absent: planned'),
    note: optionalText(1000),
  })
  .meta({ id: 'PayMeetingBody' });
export const PayMeetingResultSchema = z.object({ data: z.array(StipendPaymentSchema) }).meta({ id: 'PayMeetingResult' });

// ---- Totals and the year-end export ----------------------------------------------------------
export const StipendYearQuerySchema = z.strictObject({ year: YearSchema.optional().describe('Calendar year (by paid date); default: the current year in Los Angeles') });
export const StipendExportQuerySchema = StipendYearQuerySchema.extend({ format: z.literal('csv').optional().describe('csv: the CSV, as with Accept: text/csv (for a plain download link)') });
export const StipendYearTotalSchema = z
  .object({
    memberId: IdSchema,
    memberName: z.string(),
    totalCents: z.number().int().describe('Issued in the year (by paid date), any method (gift cards count); returned and planned do not'),
    payments: z.number().int(),
    methods: z.array(StipendMethodSchema),
    reachesThreshold: z.boolean().describe('totalCents >= the year\'s information-return threshold'),
  })
  .meta({ id: 'StipendYearTotal' });
export const StipendYearTotalsSchema = z
  .object({ year: z.number().int(), thresholdCents: z.number().int(), data: z.array(StipendYearTotalSchema) })
  .meta({ id: 'StipendYearTotals' });
export const StipendExportRowSchema = StipendYearTotalSchema.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  zip: z.string().nullable().describe('From the member\'s application, when there was one'),
  thresholdCents: z.number().int(),
}).meta({ id: 'StipendExportRow' });
export const StipendExportSchema = z
  .object({ boardId: IdSchema, boardName: z.string(), year: z.number().int(), thresholdCents: z.number().int(), rows: z.array(StipendExportRowSchema) })
  .meta({ id: 'StipendExport' });

// ---- Reporting thresholds (network) ----------------------------------------------------------
export const ReportingThresholdSchema = z
  .object({
    year: z.number().int(),
    amountCents: z.number().int(),
    editable: z.boolean().describe('2025 and 2026 are set by law; later years are set by network admins'),
    updatedAt: TimestampSchema.nullable().describe('Null for a default the table does not hold (e.g. after the demo data was reset)'),
    version: z.number().int(),
  })
  .meta({ id: 'ReportingThreshold' });
export const ReportingThresholdListSchema = z
  .object({ data: z.array(ReportingThresholdSchema).describe('By year; a year not listed takes the nearest earlier year\'s amount') })
  .meta({ id: 'ReportingThresholdList' });
export const FIRST_EDITABLE_THRESHOLD_YEAR = 2027;
export const ReportingThresholdParamsSchema = z.object({ year: z.coerce.number().int().min(FIRST_EDITABLE_THRESHOLD_YEAR).max(2100).describe('2027 or later') });
export const PutReportingThresholdBodySchema = z
  .object({ amountCents: Cents, version: WriteVersionSchema.optional() })
  .meta({ id: 'PutReportingThresholdBody', example: { amountCents: 205000 } });
