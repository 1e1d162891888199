import type { FastifyInstance } from 'fastify';
import { createClientsService } from '../clients/service';
import { servicesRepo } from '../directory/services.repo';
import { notifier } from '../notifications';
import { createConversationService } from './conversation';
import { createLifecycleService } from './lifecycle';
import { referralLinks } from './links';
import { referralRoutes } from './routes';
import { createReferralsService, type DirectoryLookup } from './service';

/**
 * Referrals between organizations, their messages, timeline and followers. It reaches
 * clients/consents through the clients service, the directory through its service, and notifies
 * people through the notifications module's Notifier (it never touches that module's tables).
 */
export const referralsModule = async (app: FastifyInstance) => {
  const clients = createClientsService({ db: app.db, links: referralLinks });
  const directory: DirectoryLookup = {
    serviceInfo: (tx, id) => servicesRepo.slaInfo(tx, id),
  };
  const deps = { db: app.db, clients, directory, notifier };
  referralRoutes(app, {
    referrals: createReferralsService(deps),
    lifecycle: createLifecycleService(deps),
    conversation: createConversationService({ db: app.db, notifier }),
  });
};
