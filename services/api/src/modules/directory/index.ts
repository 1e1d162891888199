import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { createOrganizationsService } from './service';

/** Partner directory. Organizations are public facts; only network admins add them. */
export const directoryModule = async (app: FastifyInstance) => {
  const orgs = createOrganizationsService({ db: app.db });
  route(app, api.listOrganizations, { rule: rules.public, handler: async (req) => orgs.list(req.query) });
  route(app, api.getOrganization, { rule: rules.public, handler: async (req) => orgs.get(req.params.id) });
  route(app, api.createOrganization, { rule: rules.networkAdmin, handler: async (req) => orgs.create(req.ctx(), req.body) });
};
