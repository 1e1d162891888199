import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { answerNotStored } from '../../plugins/idempotency';
import { createApiKeysService } from './service';

/** API keys: org admins of the organization (and network admins) manage them. */
export const apiKeysModule = async (app: FastifyInstance) => {
  const svc = createApiKeysService({ db: app.db });
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
