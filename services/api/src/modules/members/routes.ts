import type { FastifyInstance } from 'fastify';
import { api, ROLES } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { MembersService } from './service';

export const memberRoutes = (app: FastifyInstance, svc: MembersService) => {
  const orgAdmin = rules.roleInParamOrg('id', 'org_admin');
  const memberRule = rules.roleInParamOrg('id', ...ROLES);
  route(app, api.listMembers, { rule: orgAdmin, handler: async (req) => svc.list(req.params.id, req.query.limit, req.query.cursor) });
  // Any member of the organization sees who works there (to assign a referral); so does an API
  // key of the organization (its directory:read scope is checked by route()); outsiders do not.
  route(app, api.listColleagues, {
    rule: { name: 'member or API key of the organization', check: (a, req) => (a.kind === 'apiKey' ? a.organizationId === (req.params as { id: string }).id : memberRule.check(a, req)) },
    handler: async (req) => svc.colleagues(req.params.id, req.query.limit, req.query.cursor),
  });
  route(app, api.inviteMember, { rule: orgAdmin, handler: async (req) => svc.invite(req.ctx(), req.params.id, req.body) });
  route(app, api.getMember, { rule: orgAdmin, handler: async (req) => svc.get(req.params.id, req.params.userId) });
  route(app, api.updateMember, { rule: orgAdmin, handler: async (req) => svc.updateRole(req.ctx(), req.params.id, req.params.userId, req.body.role) });
  route(app, api.removeMember, {
    rule: orgAdmin,
    handler: async (req) => {
      await svc.remove(req.ctx(), req.params.id, req.params.userId);
      return undefined;
    },
  });
  // Who may is decided on the account's memberships (service): outsiders get a random id's 404.
  route(app, api.deactivateUser, { rule: rules.anyRole('org_admin'), handler: async (req) => svc.setActive(req.ctx(), req.params.id, false) });
  route(app, api.reactivateUser, { rule: rules.anyRole('org_admin'), handler: async (req) => svc.setActive(req.ctx(), req.params.id, true) });
  route(app, api.listUsers, { rule: rules.anyRole('org_admin'), handler: async (req) => svc.users(req.actor, req.query) });
};
