import type { FastifyInstance } from 'fastify';
import { createClientsService } from '../clients/service';
import { createServicesService } from '../directory/services.service';
import { createConversationService } from './conversation';
import { createLifecycleService } from './lifecycle';
import { referralLinks } from './links';
import { referralRoutes } from './routes';
import { createReferralsService, type DirectoryLookup } from './service';

/**
 * Referrals between organizations, their messages and timeline, and in-app notifications. It
 * reaches clients/consents through the clients service and the directory through its service.
 */
export const referralsModule = async (app: FastifyInstance) => {
  const clients = createClientsService({ db: app.db, links: referralLinks });
  const services = createServicesService({ db: app.db });
  const directory: DirectoryLookup = {
    serviceInfo: async (actor, id) => {
      const s = await services.get(actor, id).catch(() => null);
      return s ? { organizationId: s.organizationId, ackSlaHours: s.ackSlaHours, firstContactSlaHours: s.firstContactSlaHours } : null;
    },
    // The directory's agreements service offers no "active BAA between these two" lookup yet;
    // until it does, every referral needs a consent (the safe side: fail closed).
    hasActiveBaa: async () => false,
  };
  const deps = { db: app.db, clients, directory };
  referralRoutes(app, {
    referrals: createReferralsService(deps),
    lifecycle: createLifecycleService(deps),
    conversation: createConversationService({ db: app.db }),
  });
};
