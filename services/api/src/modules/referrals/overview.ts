import { NETWORK_FLOWS } from '@tandem/contract';
import type { Db } from '@tandem/db';
import { metricsRepo, type Raw } from './metrics.repo';

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : null);
const hours = (h: number | null) => (h === null ? null : Math.round(Number(h) * 100) / 100);

export type ReferralSummary = {
  sent: number;
  acknowledged: number;
  accepted: number;
  declined: number;
  acceptanceRate: number | null;
  medianHoursToAcknowledge: number | null;
  medianHoursToFirstContact: number | null;
  closedWithOutcome: number;
  loopClosed: number;
  loopClosureRate: number | null;
  overdue: number;
  overdueShare: number | null;
};
const summaryOf = (r: Omit<Raw, 'period' | 'key' | 'total'> | undefined): ReferralSummary => {
  const x = r ?? { sent: 0, acknowledged: 0, accepted: 0, declined: 0, medianAck: null, medianContact: null, closedWithOutcome: 0, loopClosed: 0, overdue: 0 };
  return {
    sent: x.sent,
    acknowledged: x.acknowledged,
    accepted: x.accepted,
    declined: x.declined,
    acceptanceRate: ratio(x.accepted, x.accepted + x.declined),
    medianHoursToAcknowledge: hours(x.medianAck),
    medianHoursToFirstContact: hours(x.medianContact),
    closedWithOutcome: x.closedWithOutcome,
    loopClosed: x.loopClosed,
    loopClosureRate: ratio(x.loopClosed, x.closedWithOutcome),
    overdue: x.overdue,
    overdueShare: ratio(x.overdue, x.sent),
  };
};

/**
 * The network overview's referral figures (issue 25): the network metrics' counting over the whole
 * range in one plain aggregate (metrics.repo.ts summarySql), optionally for one SPA; and
 * the open overdue referrals per receiving organization, most first.
 */
export const referralOverview = {
  async summary(db: Db, q: { from: string; to: string; spa?: string }) {
    const row = await metricsRepo.summary(db, q);
    return { total: summaryOf(row), byFlow: NETWORK_FLOWS.map((flow) => ({ flow, sent: row[`flow:${flow}`] ?? 0 })) };
  },
  overdueByOrganization: (db: Db, q: { spa?: string; limit: number }) => metricsRepo.overdueByOrganization(db, q),
};
