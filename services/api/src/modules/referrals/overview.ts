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
const summaryOf = (r: Raw | undefined): ReferralSummary => {
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
 * The network overview's referral figures (issue 25): the network metrics' one statement over the
 * whole range (by flow, with the total counting each referral once), optionally for one SPA; and
 * the open overdue referrals per receiving organization, most first.
 */
export const referralOverview = {
  async summary(db: Db, q: { from: string; to: string; spa?: string }) {
    const cells = await metricsRepo.cells(db, { ...q, groupBy: 'year', by: 'flow', wholeRange: true });
    return {
      total: summaryOf(cells.find((c) => c.total)),
      byFlow: cells.filter((c) => !c.total && c.key).map((c) => ({ flow: c.key!, sent: c.sent })),
    };
  },
  overdueByOrganization: (db: Db, q: { spa?: string; limit: number }) => metricsRepo.overdueByOrganization(db, q),
};
