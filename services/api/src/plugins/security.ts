import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { actorId } from '../lib/actor';
import { AppError } from '../lib/app-error';
import { postgresRateLimitStore } from '../lib/rate-limit-store';

export interface SecurityOptions {
  webOrigin: string;
  rateLimitMax: number;
  /** Where request counts live: this process (`memory`) or PostgreSQL, shared by every API process (`postgres`). */
  rateLimitStore: 'memory' | 'postgres';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a state-changing request carried by the session cookie comes from a page we serve:
 * its Origin is the web origin or this server's own (the web app may be served on it). Without
 * Origin, a browser's Sec-Fetch-Site of cross-site refuses it; a request with neither (curl, an
 * old browser) passes, since SameSite=Lax already keeps the cookie off cross-site POSTs.
 */
export const isForeignOrigin = (req: FastifyRequest, webOrigin: string) => {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin !== webOrigin && origin !== `${req.protocol}://${req.host}`;
  return req.headers['sec-fetch-site'] === 'cross-site';
};

/**
 * Cache-Control: no-store on every /api/ answer except anonymous GET/HEAD reads, which are public
 * directory data (a signed-in read of the same URL adds non-public contacts and notes, so it is
 * no-store too). Whatever carries PHI — referrals, clients, consents, messages, audit,
 * notifications, members, API keys, the session — needs a caller and so is never stored by a
 * browser or proxy. /hsds is public directory data only and is left cacheable.
 */
const mayBeStored = (req: FastifyRequest) =>
  (req.method === 'GET' || req.method === 'HEAD') && req.actor?.kind === 'anonymous' && !req.headers.authorization && !req.headers.cookie;

/** Security headers, CORS for the web origin only, a per-caller request budget, cross-site write refusal and no-store. */
export const securityPlugin = fp<SecurityOptions>(
  async (app, opts) => {
    // Cross-site request forgery: a session-cookie write from another site's page is refused.
    // API keys are sent deliberately in a header, never by a browser on its own, so they pass.
    app.addHook('onRequest', async (req) => {
      if (req.actor?.kind === 'user' && STATE_CHANGING.has(req.method) && isForeignOrigin(req, opts.webOrigin)) {
        throw new AppError('foreign_origin', 'Changes with a session cookie must come from the Tandem web app.');
      }
    });
    app.addHook('onSend', async (req, reply) => {
      if (req.url.startsWith('/api/') && !mayBeStored(req)) reply.header('cache-control', 'no-store');
    });
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    await app.register(cors, { origin: [opts.webOrigin], credentials: true, exposedHeaders: ['etag', 'location', 'idempotent-replayed'] });
    await app.register(rateLimit, {
      max: opts.rateLimitMax,
      timeWindow: '1 minute',
      hook: 'preHandler',
      keyGenerator: (req) => actorId(req.actor ?? { kind: 'anonymous' }) ?? req.ip,
      ...(opts.rateLimitStore === 'postgres'
        ? // A database that cannot count does not refuse the request; the request itself answers 503 if the database is gone.
          { store: postgresRateLimitStore(app.pool), skipOnError: true }
        : {}),
    });
  },
  { name: 'security', dependencies: ['auth', 'db'] },
);
