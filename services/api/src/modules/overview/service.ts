import type { z } from 'zod';
import type { Db } from '@tandem/db';
import {
  defaultPeriod,
  ESCALATED_UNANSWERED_DAYS,
  GAP_SEVERITIES,
  NETWORK_FLOWS,
  OVERVIEW_GAPS_TOP,
  OVERVIEW_OVERDUE_TOP,
  type NetworkOverview,
  type NetworkOverviewQuerySchema,
} from '@tandem/contract';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { pipelineReport } from '../directory';
import { engagementTotals } from '../engagement';
import { gapOverview } from '../gaps';
import { referralOverview } from '../referrals';

/** Today in Los Angeles, as YYYY-MM-DD. */
const todayInLa = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());

/**
 * The network overview (issue 25): each part from its module's index.ts (no table of another
 * module read here), the parts run side by side on the pool.
 */
export const networkOverview = async (db: Db, ctx: Ctx, input: z.output<typeof NetworkOverviewQuerySchema>): Promise<NetworkOverview> => {
  const { from, to } = defaultPeriod(todayInLa(), input);
  const spa = input.spa;
  const monthFrom = `${to.slice(0, 7)}-01`;
  const [referrals, overdue, funnel, gaps, events] = await Promise.all([
    referralOverview.summary(db, { from, to, spa }),
    referralOverview.overdueByOrganization(db, { spa, limit: OVERVIEW_OVERDUE_TOP }),
    pipelineReport(db, { spa }),
    gapOverview(db, { spa, staleDays: ESCALATED_UNANSWERED_DAYS, limit: OVERVIEW_GAPS_TOP }),
    engagementTotals(db, { from: monthFrom, to, spa }),
    recordAudit(db, ctx, { action: 'report.network_overview.read', entityType: 'report', entityId: null }),
  ]);
  const funnelRow = funnel.rows.find((r) => r.spa === null)!;
  const sentBy = new Map(referrals.byFlow.map((f) => [f.flow, f.sent]));
  return {
    from,
    to,
    spa: spa ?? null,
    needsAction: { overdueByOrganization: overdue, escalatedUnanswered: gaps.escalatedUnanswered, escalatedAfterDays: ESCALATED_UNANSWERED_DAYS },
    referrals: { ...referrals.total, byFlow: NETWORK_FLOWS.map((flow) => ({ flow, sent: sentBy.get(flow) ?? 0 })) },
    pipeline: { counts: funnelRow.counts, total: funnelRow.total },
    gaps: { openBySeverity: gaps.openBySeverity, open: GAP_SEVERITIES.reduce((s, k) => s + gaps.openBySeverity[k], 0) },
    events: { month: to.slice(0, 7), from: monthFrom, to, ...events },
  };
};
