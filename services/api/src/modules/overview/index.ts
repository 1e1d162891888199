import type { FastifyInstance } from 'fastify';
import { overviewRoutes } from './routes';

/**
 * The network overview (issue 25): a read-only composition of the referrals, directory, gaps and
 * engagement modules' exported figures. It owns no table and reads none: each part comes from the
 * module's index.ts.
 */
export const overviewModule = async (app: FastifyInstance) => {
  overviewRoutes(app);
};
