import type { FastifyInstance } from 'fastify';
import { createClientsService } from '../clients/service';
import { createServicesService } from '../directory/services.service';
import { createAgreementsService } from '../directory/agreements.service';
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
  const agreements = createAgreementsService({ db: app.db });
  const directory: DirectoryLookup = {
    serviceInfo: async (actor, id) => {
      const s = await services.get(actor, id).catch(() => null);
      return s ? { organizationId: s.organizationId, ackSlaHours: s.ackSlaHours, firstContactSlaHours: s.firstContactSlaHours } : null;
    },
    // An active BAA between the two organizations stands in for a client consent (ARCHITECTURE §3).
    hasActiveBaa: (orgA, orgB) => agreements.hasActiveBaa(orgA, orgB),
  };
  const deps = { db: app.db, clients, directory };
  referralRoutes(app, {
    referrals: createReferralsService(deps),
    lifecycle: createLifecycleService(deps),
    conversation: createConversationService({ db: app.db }),
  });
};
