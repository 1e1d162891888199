import type { FastifyInstance } from 'fastify';
import { memberRoutes } from './routes';
import { createMembersService } from './service';

/** Members of organizations and the users list: org admins for their org, network admins for all. */
export const membersModule = async (app: FastifyInstance) => {
  memberRoutes(app, createMembersService({ db: app.db }));
};
