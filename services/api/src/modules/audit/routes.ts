import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import type { AuditService } from './service';

export const auditRoutes = (app: FastifyInstance, svc: AuditService) => {
  route(app, api.listAudit, { rule: rules.anyRole('org_admin'), handler: async (req) => svc.list(req.actor, req.query) });
};
