import type { z } from 'zod';
import type { Db } from '@tandem/db';
import { defaultPeriod, MULTI_VALUE_COUNTING, type ReferralMetrics, type ReferralMetricsQuerySchema, type ReferralMetricsRow } from '@tandem/contract';
import type { Ctx } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { toCsv } from '../../lib/csv';
import { metricsRepo, type MetricsQuery } from './metrics.repo';

type Query = MetricsQuery;
type Input = z.output<typeof ReferralMetricsQuerySchema>;

/** Today in Los Angeles, as YYYY-MM-DD. */
const todayInLa = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
const hours = (h: number | null) => (h === null ? null : Math.round(Number(h) * 100) / 100);

/**
 * The counting above is per referral inside a cell: a referral with the same SPA twice (service and
 * organization agree) or a repeated need counts once (count distinct), and the medians take each
 * referral's time once per cell it is in.
 */
export const referralMetrics = async (db: Db, ctx: Ctx, input: Input): Promise<ReferralMetrics> => {
  const q: Query = { ...input, ...defaultPeriod(todayInLa(), input) };
  const [res, names] = await Promise.all([
    metricsRepo.cells(db, q),
    q.by === 'organization' ? metricsRepo.organizationNames(db) : Promise.resolve([]),
    recordAudit(db, ctx, { action: 'report.referrals.read', entityType: 'report', entityId: null, organizationId: q.organizationId ?? null }),
  ]);
  const nameOf = new Map(names.map((o) => [o.id, o.name]));
  const rows: ReferralMetricsRow[] = res.map((r) => ({
    period: r.period,
    key: r.total ? null : r.key,
    label: !r.total && q.by === 'organization' && r.key ? (nameOf.get(r.key) ?? null) : null,
    sent: r.sent,
    acknowledged: r.acknowledged,
    accepted: r.accepted,
    declined: r.declined,
    acceptanceRate: ratio(r.accepted, r.accepted + r.declined),
    medianHoursToAcknowledge: hours(r.medianAck),
    medianHoursToFirstContact: hours(r.medianContact),
    closedWithOutcome: r.closedWithOutcome,
    loopClosed: r.loopClosed,
    loopClosureRate: ratio(r.loopClosed, r.closedWithOutcome),
    overdue: r.overdue,
    overdueShare: ratio(r.overdue, r.sent),
  }));
  return { from: q.from, to: q.to, groupBy: q.groupBy, by: q.by ?? null, rows, counting: MULTI_VALUE_COUNTING };
};

const COLUMNS: (keyof ReferralMetricsRow)[] = [
  'period', 'key', 'label', 'sent', 'acknowledged', 'accepted', 'declined', 'acceptanceRate', 'medianHoursToAcknowledge',
  'medianHoursToFirstContact', 'closedWithOutcome', 'loopClosed', 'loopClosureRate', 'overdue', 'overdueShare',
];

/**
 * One tidy row per cell. A period's total row says TOTAL in `key`, and in `label` how it counts (a
 * referral once, where the rows of a multi-valued dimension may add up to more).
 */
export const referralMetricsCsv = (m: ReferralMetrics) =>
  toCsv(m.rows, COLUMNS.map((c) => ({ header: c, value: (r: ReferralMetricsRow) => (r.key === null && c === 'key' ? 'TOTAL' : r.key === null && c === 'label' ? m.counting : r[c]) })));
