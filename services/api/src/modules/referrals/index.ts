import type { FastifyInstance } from 'fastify';
import { createClientsService } from '../clients/service';
import { servicesRepo } from '../directory/services.repo';
import { notifier } from '../notifications';
import { createConversationService } from './conversation';
import { createLifecycleService } from './lifecycle';
import { referralLinks } from './links';
import { referralsRepo, SWEEP_BATCH } from './repo';
import { referralRoutes } from './routes';
import { createReferralsService, type DirectoryLookup } from './service';

/**
 * Referrals between organizations, their messages, timeline and followers. It reaches
 * clients/consents through the clients service, the directory through its service, and notifies
 * people through the notifications module's Notifier (it never touches that module's tables).
 */
export const referralsModule = async (app: FastifyInstance, opts: { overdueSweepSeconds?: number } = {}) => {
  const clients = createClientsService({ db: app.db, links: referralLinks });
  const directory: DirectoryLookup = {
    serviceInfo: (tx, id) => servicesRepo.slaInfo(tx, id),
  };
  const deps = { db: app.db, clients, directory, notifier };
  if (opts.overdueSweepSeconds) startOverdueSweep(app, opts.overdueSweepSeconds);
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
const startOverdueSweep = (app: FastifyInstance, seconds: number) => {
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

/** Referral counts the service gaps module reads (issue 25): sent and declined by SPA × category × period. */
export { demandBy, type DemandQuery, type DemandRow } from './demand';
