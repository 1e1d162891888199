import { z } from 'zod';
import { defineEndpoint } from '../common/endpoint';
import { SpaSchema } from '../common/enums';
import { DateSchema, IdSchema } from '../common/ids';
import { ProblemSchema } from '../common/problem';
import { GapSeveritySchema } from '../gaps/enums';
import { NETWORK_FLOWS } from '../referrals/metrics';

// The network overview (issue 25, "Reports"): one page for the collaboration team and network
// admins with the referral metrics, the partnership funnel, open gaps, this month's events, and
// first the numbers that need action (overdue referrals per organization, gaps escalated and
// unanswered). Composed from the referrals, directory, gaps and engagement modules.

/** How many organizations the "overdue referrals" list names, most overdue first. */
export const OVERVIEW_OVERDUE_TOP = 10;
/** A gap is "escalated and unanswered" when it has stayed escalated (no status change) for more than this many days. */
export const ESCALATED_UNANSWERED_DAYS = 14;
/** How many of those gaps the list names, longest waiting first. */
export const OVERVIEW_GAPS_TOP = 10;

export const NetworkOverviewQuerySchema = z
  .strictObject({
    from: DateSchema.optional().describe('First day (Los Angeles time) of the referral metrics, included; default: a year before `to`, plus a day'),
    to: DateSchema.optional().describe('Last day (Los Angeles time), included; default: today. "Events this month" is the month of `to`, up to `to`'),
    spa: SpaSchema.optional().describe('Only this SPA: referrals to services (else organizations) serving it, its funnel row, its gaps and events'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Must be on or after from' });
export type NetworkOverviewQuery = z.input<typeof NetworkOverviewQuerySchema>;

const rate = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);
const hours = z.number().min(0).nullable().describe('Median hours, null when none');

export const NetworkOverviewSchema = z
  .object({
    from: DateSchema,
    to: DateSchema,
    spa: SpaSchema.nullable(),
    needsAction: z
      .object({
        overdueByOrganization: z
          .array(
            z.object({
              organizationId: IdSchema,
              name: z.string(),
              overdue: z.number().int().min(1).describe('Its open referrals overdue now (acknowledge or first contact past due)'),
              oldestDueAt: z.iso.datetime().describe('The earliest missed due time among them'),
            }),
          )
          .describe(`Receiving organizations with open referrals overdue now, most first (at most ${OVERVIEW_OVERDUE_TOP}); whatever the range`),
        escalatedUnanswered: z
          .array(
            z.object({
              id: IdSchema,
              title: z.string(),
              spa: SpaSchema,
              severity: GapSeveritySchema,
              escalatedAt: z.iso.datetime().describe('When its status became escalated'),
              daysWaiting: z.number().int().min(0),
            }),
          )
          .describe(`Gaps escalated with no status change for more than ${ESCALATED_UNANSWERED_DAYS} days, longest waiting first (at most ${OVERVIEW_GAPS_TOP}); whatever the range`),
        escalatedAfterDays: z.number().int().describe('The number of days after which an escalated gap counts as unanswered'),
      })
      .describe('What needs action first'),
    referrals: z
      .object({
        sent: z.number().int().min(0).describe('Referrals sent in the range'),
        byFlow: z.array(z.object({ flow: z.enum(NETWORK_FLOWS), sent: z.number().int().min(0) })).describe('Volume by direction (which side sent to which)'),
        acknowledged: z.number().int().min(0),
        accepted: z.number().int().min(0),
        declined: z.number().int().min(0),
        acceptanceRate: rate.describe('accepted / (accepted + declined)'),
        medianHoursToAcknowledge: hours,
        medianHoursToFirstContact: hours,
        closedWithOutcome: z.number().int().min(0),
        loopClosed: z.number().int().min(0),
        loopClosureRate: rate.describe('loopClosed / closedWithOutcome'),
        overdue: z.number().int().min(0).describe('Sent in the range and missed a due time (late, or still open past it)'),
        overdueShare: rate.describe('overdue / sent'),
      })
      .describe('The referral network metrics over the range (GET /api/v1/reports/referrals counts the same way)'),
    pipeline: z
      .object({
        counts: z.object({ prospect: count, outreach: count, assessed: count, partnered: count }).describe('Organizations at each stage'),
        total: count,
      })
      .describe('Organizations at each partnership stage now (those serving `spa` with one)'),
    gaps: z
      .object({ openBySeverity: z.object({ low: count, medium: count, high: count, critical: count }), open: count })
      .describe('Open gaps (identified, escalated, in progress) now, by severity'),
    events: z
      .object({ month: z.string().describe('2026-03'), from: DateSchema, to: DateSchema, events: z.number().int().min(0), attendees: z.number().int().min(0) })
      .describe('Engagement events that started this month (the month of `to`, up to `to`), each once, and their attendees'),
  })
  .meta({ id: 'NetworkOverview' });
export type NetworkOverview = z.infer<typeof NetworkOverviewSchema>;

export const networkOverviewEndpoints = {
  getNetworkOverview: defineEndpoint({
    method: 'GET',
    path: '/api/v1/reports/network-overview',
    operationId: 'getNetworkOverview',
    summary: 'The network overview: what needs action first, referral metrics, partnership funnel, open gaps, events this month',
    description: `For the collaboration team and network admins, signed in. First what needs action: receiving organizations with open referrals overdue now (top ${OVERVIEW_OVERDUE_TOP}) and gaps escalated with no status change for more than ${ESCALATED_UNANSWERED_DAYS} days. Then the referral metrics over from..to (volume by direction, acceptance rate, median hours to acknowledge and to first contact, loop-closure rate, overdue share), the partnership funnel now, open gaps by severity now, and this month's events and attendees. \`spa\` narrows every part to one SPA. Changes nothing.`,
    tags: ['Reports'],
    security: ['session'],
    query: NetworkOverviewQuerySchema,
    responses: { 200: NetworkOverviewSchema, 403: ProblemSchema },
  }),
};
