import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { hsdsRoutes } from './routes';
import { createHsdsService } from './service';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Open Referral HSDS 3.0: a public read API under /hsds over the directory tables, and tabular
 * import/export of the whole directory (CSV files, or a zipped data package) for network admins.
 */
export const hsdsModule = async (app: FastifyInstance) => {
  // Encapsulated: multipart parsing exists only on this module's routes.
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 40, fields: 0 } });
  hsdsRoutes(app, createHsdsService({ db: app.db }));
};

// For the cli/hsds-import.ts entry point (through this file only).
export { importDataset } from './import/service';
export { sortUploads, type Upload } from './package';
