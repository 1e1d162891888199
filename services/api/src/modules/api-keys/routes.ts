import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { answerNotStored } from '../../plugins/idempotency';
import type { ApiKeysService } from './service';

/** Org admins of the organization in the path (and network admins) manage its keys. */
export const apiKeyRoutes = (app: FastifyInstance, svc: ApiKeysService) => {
  const orgAdmin = rules.roleInParamOrg('id', 'org_admin');
  route(app, api.listApiKeys, { rule: orgAdmin, handler: async (req) => svc.list(req.params.id) });
  route(app, api.createApiKey, {
    rule: orgAdmin,
    handler: async (req) => {
      answerNotStored(req); // the secret is shown once and stored nowhere, not even for a replay
      return svc.create(req.ctx(), req.params.id, req.body);
    },
  });
  route(app, api.getApiKey, { rule: orgAdmin, handler: async (req) => svc.get(req.params.id, req.params.keyId) });
  route(app, api.revokeApiKey, { rule: orgAdmin, handler: async (req) => svc.revoke(req.ctx(), req.params.id, req.params.keyId) });
};
