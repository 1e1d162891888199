import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { AgreementsService } from './agreements.service';

/**
 * Agreements: signed-in users and API keys with directory:read read (record visibility in the
 * service: a key sees its own organization's); network staff write.
 */
export const registerAgreementRoutes = (app: FastifyInstance, agreements: AgreementsService) => {
  const networkStaff = rules.anyRole('network_admin', 'collaboration_team');

  route(app, api.listAgreements, { rule: rules.authenticated, handler: async (req) => agreements.list(req.actor, req.query) });
  route(app, api.getAgreement, { rule: rules.authenticated, handler: async (req) => agreements.get(req.actor, req.params.id) });
  route(app, api.createAgreement, { rule: networkStaff, handler: async (req) => agreements.create(req.ctx(), req.body) });
  route(app, api.updateAgreement, { rule: networkStaff, handler: async (req) => agreements.update(req.ctx(), req.params.id, req.expectedVersion, req.body) });
  // Who approves (a party's org admin, or a network admin) is decided on the record.
  route(app, api.approveAgreement, { rule: rules.signedIn, handler: async (req) => agreements.approve(req.ctx(), req.params.id, req.expectedVersion) });
};
