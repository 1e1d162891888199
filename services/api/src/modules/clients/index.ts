import type { FastifyInstance } from 'fastify';
import type { ReferralLinks } from './repo';
import { clientRoutes } from './routes';
import { createClientsService } from './service';

/**
 * Clients (the people referred) and their consents. Who is on a client's referrals comes from
 * the referrals module through `links` (app.ts passes it); this module reads no referral table.
 */
export const clientsModule = async (app: FastifyInstance, opts: { links: ReferralLinks }) => {
  clientRoutes(app, createClientsService({ db: app.db, links: opts.links }));
};

// What other modules may use (through this file only): the referral detail and send checks.
export type { ReferralLinks } from './repo';
export { assertClientUsable } from './access';
export { consentSummaryOf, packetOf, toClient } from './mappers';
/** The clients service (read a client, a consent) for the FHIR facade's Patient and Consent. */
export { createClientsService } from './service';
