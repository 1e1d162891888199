import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/app-error';

const API_PREFIXES = ['/api/', '/hsds', '/fhir', '/docs', '/openapi.json', '/healthz', '/readyz'];

/** Serves the built web app on the API's origin, with index.html for client-side routes. */
export const webPlugin = fp<{ dir: string }>(
  async (app, opts) => {
    const dir = path.resolve(opts.dir);
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`No web build at ${dir}: run the web build first.`);
    await app.register(fastifyStatic, { root: dir, wildcard: false, index: false });
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (API_PREFIXES.some((p) => req.url.startsWith(p))) throw new AppError('route_not_found', `No endpoint GET ${req.url.split('?')[0]}.`);
      return reply.type('text/html').sendFile('index.html');
    });
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').sendFile('index.html'));
  },
  { name: 'web' },
);
