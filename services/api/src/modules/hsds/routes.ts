import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { api } from '@tandem/contract';
import { AppError } from '../../lib/app-error';
import { rules } from '../../lib/authz';
import { route } from '../../lib/routes';
import { pageOrStream } from './ndjson';
import { sortUploads, zipPackage, type Upload } from './package';
import type { HsdsService } from './service';

export const hsdsRoutes = (app: FastifyInstance, svc: HsdsService) => {
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
      return svc.importDirectory(files, { dryRun: req.query.dryRun, skippedFiles: skipped });
    },
  });
  route(app, api.exportHsdsDirectory, { rule: rules.anyRole('collaboration_team'), handler: async () => svc.exportDirectory() });
  route(app, api.exportHsdsPackage, {
    rule: rules.anyRole('collaboration_team'),
    handler: async (_req, reply) => {
      const now = new Date();
      const zip = zipPackage((await svc.exportDirectory()).files, now);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="tandem-hsds-${now.toISOString().slice(0, 10)}.zip"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  });
};
