import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { networkOverview } from './service';

/** The network overview: the collaboration team and network admins, signed in (no keys). */
export const overviewRoutes = (app: FastifyInstance) => {
  route(app, api.getNetworkOverview, { rule: rules.anyRole('collaboration_team', 'network_admin'), handler: async (req) => networkOverview(app.db, req.ctx(), req.query) });
};
