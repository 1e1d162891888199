import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { ClientsService } from './service';

// Any signed-in member or API key may call; the service shows a client only to its creating
// organization, organizations on its referrals and network admins — everyone else gets 404.
const any = rules.authenticated;

export const clientRoutes = (app: FastifyInstance, svc: ClientsService) => {
  route(app, api.createClient, { rule: any, handler: async (req) => svc.create(req.ctx(), req.body) });
  route(app, api.searchClients, { rule: any, handler: async (req) => svc.search(req.ctx(), req.query) });
  route(app, api.listClientReferrals, { rule: any, handler: async (req) => svc.referrals(req.ctx(), req.params.id, req.query) });
  route(app, api.findClientMatches, { rule: any, handler: async (req) => ({ data: await svc.matches(req.ctx(), req.query) }) });
  route(app, api.getClient, { rule: any, handler: async (req) => svc.get(req.ctx(), req.params.id) });
  route(app, api.updateClient, { rule: any, handler: async (req) => svc.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  route(app, api.createConsent, { rule: any, handler: async (req) => svc.createConsent(req.ctx(), req.params.id, req.body) });
  route(app, api.listConsents, { rule: any, handler: async (req) => svc.listConsents(req.ctx(), req.params.id) });
  route(app, api.getConsent, { rule: any, handler: async (req) => svc.getConsent(req.ctx(), req.params.id) });
  route(app, api.revokeConsent, { rule: any, handler: async (req) => svc.revokeConsent(req.ctx(), req.params.id, req.body.reason) });
};
