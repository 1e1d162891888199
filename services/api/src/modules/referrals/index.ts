import type { FastifyInstance } from 'fastify';
import type { Notifier } from '../notifications';
import { createConversationService } from './conversation';
import { createLifecycleService } from './lifecycle';
import { referralsRepo, SWEEP_BATCH } from './repo';
import { referralRoutes } from './routes';
import { createReferralsService, type DirectoryLookup } from './service';

export interface ReferralsModuleOptions {
  overdueSweepSeconds?: number;
  /** The directory's answers (service SLAs), from the directory module. */
  directory: DirectoryLookup;
  /** How referrals notify people, from the notifications module (it never touches that module's tables). */
  notifier: Notifier;
}

/**
 * Referrals between organizations, their messages, timeline and followers. app.ts hands in what
 * it needs of other modules (DirectoryLookup, Notifier); the clients module's rules and mappers
 * come through its index.ts. The single-statement reads that JOIN other modules' tables are the
 * recorded exception in foreign-tables.ts.
 */
export const referralsModule = async (app: FastifyInstance, opts: ReferralsModuleOptions) => {
  const { notifier } = opts;
  const deps = { db: app.db, directory: opts.directory, notifier };
  if (opts.overdueSweepSeconds) startOverdueSweep(app, opts.overdueSweepSeconds, notifier);
  referralRoutes(app, {
    referrals: createReferralsService(deps),
    lifecycle: createLifecycleService(deps),
    conversation: createConversationService({ db: app.db, notifier }),
  });
};

/**
 * Notifies overdue referrals every `seconds` (and once when the server is ready). A failed sweep
 * is logged by its error code only and retried at the next tick; the next sweep catches up.
 */
const startOverdueSweep = (app: FastifyInstance, seconds: number, notifier: Notifier) => {
  let running = false;
  const sweep = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      // A full batch means more are waiting: keep going until the backlog is worked off.
      for (let done = SWEEP_BATCH; done >= SWEEP_BATCH; ) {
        const r = await referralsRepo.sweepOverdue(app.db, notifier);
        if (r.notifications > 0) app.log.info(r, 'overdue referrals notified');
        done = r.referrals;
      }
    } catch (err) {
      app.log.warn({ code: (err as { code?: string }).code ?? 'unknown' }, 'overdue sweep failed');
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    void sweep();
    timer = setInterval(() => void sweep(), seconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};

// What other modules and app.ts may use (through this file only).
export { referralLinks } from './links';
export type { DirectoryLookup } from './service';
