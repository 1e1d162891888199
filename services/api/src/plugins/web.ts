import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../lib/app-error';

const API_PREFIXES = ['/api/', '/hsds', '/fhir', '/docs', '/openapi.json', '/healthz', '/readyz'];

// Vite names every file under assets/ by its content hash: a changed file is a new URL.
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html (and favicon) keep their names: revalidated on each visit, so a new build shows at once.
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app on the API's origin, with index.html for client-side routes. Hashed
 * assets are cached for a year, index.html revalidated; the build's .br/.gz files (vite.config.ts)
 * are sent to browsers that accept them.
 */
export const webPlugin = fp<{ dir: string }>(
  async (app, opts) => {
    const dir = path.resolve(opts.dir);
    if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`No web build at ${dir}: run the web build first.`);
    const assets = `${path.join(dir, 'assets')}${path.sep}`;
    await app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => void reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE),
    });
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      if (API_PREFIXES.some((p) => req.url.startsWith(p))) throw new AppError('route_not_found', `No endpoint GET ${req.url.split('?')[0]}.`);
      return reply.type('text/html').sendFile('index.html');
    });
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').sendFile('index.html'));
  },
  { name: 'web' },
);
