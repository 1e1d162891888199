import type { FastifyInstance } from 'fastify';
import { apiKeyRoutes } from './routes';
import { createApiKeysService } from './service';

/** API keys: org admins of the organization (and network admins) manage them. */
export const apiKeysModule = async (app: FastifyInstance) => {
  apiKeyRoutes(app, createApiKeysService({ db: app.db }));
};
