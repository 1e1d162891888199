import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { api } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { exportDataset } from './export';
import { importDataset } from './import';
import { pageOrStream } from './ndjson';
import { sortUploads, zipPackage, type Upload } from './package';
import { createHsdsService } from './service';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Open Referral HSDS 3.0: a public read API under /hsds over the directory tables, and tabular
 * import/export of the whole directory (CSV files, or a zipped data package) for network admins.
 */
export const hsdsModule = async (app: FastifyInstance) => {
  // Encapsulated: multipart parsing exists only on this module's routes.
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 40, fields: 0 } });
  const svc = createHsdsService({ db: app.db });
  const open = rules.public;

  const apiInfo = async () => ({ version: '3.0', profile: 'https://docs.openreferral.org/en/latest/hsds/', openapi_url: '/openapi.json' });
  route(app, api.getHsdsApiInfo, { rule: open, handler: apiInfo });
  // HSDS clients ask for `/` under the base URL `/hsds/`: the same answer, not documented twice.
  app.get('/hsds/', { schema: { hide: true } }, apiInfo);
  route(app, api.listHsdsServices, {
    rule: open,
    handler: async (req, reply) => pageOrStream(reply, req.query, svc.listServices, svc.streamServices),
  });
  route(app, api.getHsdsService, { rule: open, handler: async (req) => svc.getService(req.params.id) });
  route(app, api.listHsdsOrganizations, {
    rule: open,
    handler: async (req, reply) => pageOrStream(reply, req.query, svc.listOrganizations, svc.streamOrganizations),
  });
  route(app, api.getHsdsOrganization, { rule: open, handler: async (req) => svc.getOrganization(req.params.id) });
  route(app, api.listHsdsServiceAtLocations, {
    rule: open,
    handler: async (req, reply) => pageOrStream(reply, req.query, svc.listServiceAtLocations, svc.streamServiceAtLocations),
  });
  route(app, api.getHsdsServiceAtLocation, { rule: open, handler: async (req) => svc.getServiceAtLocation(req.params.id) });
  route(app, api.listHsdsTaxonomies, {
    rule: open,
    handler: async (req, reply) => pageOrStream(reply, req.query, svc.listTaxonomies, svc.streamTaxonomies),
  });
  route(app, api.getHsdsTaxonomy, { rule: open, handler: async (req) => svc.getTaxonomy(req.params.id) });
  route(app, api.listHsdsTaxonomyTerms, {
    rule: open,
    handler: async (req, reply) => pageOrStream(reply, req.query, svc.listTaxonomyTerms, svc.streamTaxonomyTerms),
  });
  route(app, api.getHsdsTaxonomyTerm, { rule: open, handler: async (req) => svc.getTaxonomyTerm(req.params.id) });

  route(app, api.importHsdsDirectory, {
    rule: rules.networkAdmin,
    handler: async (req) => {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'Send multipart/form-data with one part per CSV file, or one .zip part.');
      const uploads: Upload[] = [];
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file') continue;
          uploads.push({ name: path.basename(part.filename || part.fieldname), data: await part.toBuffer() });
        }
      } catch (e) {
        // The multipart parser's own errors (no boundary, truncated body, bad part headers) carry no
        // status and were answered 500; limits (file too large, too many files) keep theirs (413).
        if (e instanceof AppError || (e as { statusCode?: number }).statusCode) throw e;
        throw new AppError('malformed_multipart', 'The body is not valid multipart/form-data (check the boundary and that every part is complete).');
      }
      if (!uploads.length) throw new AppError('validation_failed', 'No files were uploaded.');
      const { files, skipped } = sortUploads(uploads);
      if (!Object.keys(files).length)
        throw new AppError('validation_failed', 'None of the uploaded files is an HSDS tabular file Tandem reads (organizations.csv, services.csv, ...).', {
          errors: skipped.map((s) => ({ path: s.file, message: `${s.code}: ${s.reason}` })),
        });
      return importDataset(app.db, files, { dryRun: req.query.dryRun, skippedFiles: skipped });
    },
  });
  route(app, api.exportHsdsDirectory, { rule: rules.anyRole('collaboration_team'), handler: async () => exportDataset(app.db) });
  route(app, api.exportHsdsPackage, {
    rule: rules.anyRole('collaboration_team'),
    handler: async (_req, reply) => {
      const now = new Date();
      const zip = zipPackage((await exportDataset(app.db)).files, now);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="tandem-hsds-${now.toISOString().slice(0, 10)}.zip"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  });
};

// For the cli/hsds-import.ts entry point (through this file only).
export { importDataset, sortUploads, type Upload };
