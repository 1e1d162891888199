import { z } from 'zod';
import { DateSchema, IdSchema } from '../common/ids';
import type { OrgType } from '../organizations/enums';

// Referral network metrics (issue 25, "Reports"): how referrals flow between the health system
// and community organizations, and how fast and how completely each step happens.

/** Organization types on the health-system side of a referral; everything else is community (CBO). */
export const HEALTH_SYSTEM_SIDE = ['health_system', 'county_agency', 'clinic', 'health_plan'] as const satisfies readonly OrgType[];

export const NETWORK_FLOWS = ['health_system_to_cbo', 'cbo_to_health_system', 'cbo_to_cbo', 'health_system_to_health_system'] as const;
export type NetworkFlow = (typeof NETWORK_FLOWS)[number];

/** Which way a referral went, from its two organizations' types (no receiver yet: null). */
export const flowOf = (from: OrgType, to: OrgType | null): NetworkFlow | null => {
  if (!to) return null;
  const hs = (t: OrgType) => (HEALTH_SYSTEM_SIDE as readonly OrgType[]).includes(t);
  return hs(from) ? (hs(to) ? 'health_system_to_health_system' : 'health_system_to_cbo') : hs(to) ? 'cbo_to_health_system' : 'cbo_to_cbo';
};

export const METRIC_PERIODS = ['month', 'quarter', 'year'] as const;
export const REFERRAL_METRIC_DIMENSIONS = ['flow', 'organization', 'spa', 'need'] as const;

export const ReferralMetricsQuerySchema = z
  .strictObject({
    from: DateSchema.describe('First day (Los Angeles time), included'),
    to: DateSchema.describe('Last day (Los Angeles time), included'),
    groupBy: z.enum(METRIC_PERIODS).default('month').describe('Period of each row, by the day the referral was sent (Los Angeles time)'),
    by: z
      .enum(REFERRAL_METRIC_DIMENSIONS)
      .optional()
      .describe('A dimension to split each period by: flow (which side sent to which), receiving organization, SPA served (the service’s, else the organization’s) or need'),
    organizationId: IdSchema.optional().describe('Only referrals this organization sent or received'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'Must be on or after from' });
export type ReferralMetricsQuery = z.input<typeof ReferralMetricsQuerySchema>;

const rate = z.number().min(0).max(1).nullable();
const hours = z.number().min(0).nullable();
export const ReferralMetricsRowSchema = z
  .object({
    period: z.string().describe('2026-03 (month), 2026-Q1 (quarter) or 2026 (year)'),
    key: z.string().nullable().describe("The dimension's value (a flow, an organization id, an SPA, a need); null on the period's total"),
    label: z.string().nullable().describe('The organization’s name when by=organization; else null'),
    sent: z.number().int().min(0).describe('Referrals sent in the period'),
    acknowledged: z.number().int().min(0),
    accepted: z.number().int().min(0).describe('Sent in the period and accepted at some point'),
    declined: z.number().int().min(0).describe('Sent in the period and declined at some point'),
    acceptanceRate: rate.describe('accepted / (accepted + declined); null when neither'),
    medianHoursToAcknowledge: hours,
    medianHoursToFirstContact: hours,
    closedWithOutcome: z.number().int().min(0).describe('Completed or unable to complete'),
    loopClosed: z.number().int().min(0).describe('Of those, the sender marked the loop closed'),
    loopClosureRate: rate.describe('loopClosed / closedWithOutcome; null when none'),
    overdue: z.number().int().min(0).describe('Missed the acknowledge or first-contact due time (late, or still open past it)'),
    overdueShare: rate.describe('overdue / sent'),
  })
  .meta({ id: 'ReferralMetricsRow' });
export type ReferralMetricsRow = z.infer<typeof ReferralMetricsRowSchema>;

export const ReferralMetricsSchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    groupBy: z.enum(METRIC_PERIODS),
    by: z.enum(REFERRAL_METRIC_DIMENSIONS).nullable(),
    rows: z.array(ReferralMetricsRowSchema).describe("Per period: its total (key null) first, then one row per value of `by`, ordered by key"),
    counting: z.string().describe('How a referral with several needs or SPAs is counted'),
  })
  .meta({ id: 'ReferralMetrics' });
export type ReferralMetrics = z.infer<typeof ReferralMetricsSchema>;

/** Said in every answer and CSV: rows of a multi-valued dimension add up to more than the total. */
export const MULTI_VALUE_COUNTING =
  "A referral with several needs (or served in several SPAs) counts once in each of their rows and once in its period's total (key null), so the rows of a period can add up to more than its total.";
