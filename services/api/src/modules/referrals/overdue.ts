import type { Db } from '@tandem/db';
import type { Notifier } from '../notifications';
import { referralsRepo, SWEEP_BATCH } from './repo';

/**
 * Notifies (and writes the `referral.overdue` outbox events of) every overdue referral not yet
 * notified, a batch at a time until the backlog is worked off. The worker runs it each minute
 * (services/worker, graphile-worker cron: one run per minute across all worker instances); the
 * sweep's `for update skip locked` keeps two runs from notifying twice anyway.
 */
export const sweepOverdueReferrals = async (db: Db, notifier: Notifier) => {
  const total = { referrals: 0, notifications: 0 };
  for (let done = SWEEP_BATCH; done >= SWEEP_BATCH; ) {
    const r = await referralsRepo.sweepOverdue(db, notifier);
    total.referrals += r.referrals;
    total.notifications += r.notifications;
    done = r.referrals;
  }
  return total;
};
