import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { createAuditService } from './service';

/** The audit trail, read-only: org admins (their organization's rows) and network admins. */
export const auditModule = async (app: FastifyInstance) => {
  const svc = createAuditService({ db: app.db });
  route(app, api.listAudit, { rule: rules.anyRole('org_admin'), handler: async (req) => svc.list(req.actor, req.query) });
};
