import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { actorId } from '../lib/actor';

export interface SecurityOptions {
  webOrigin: string;
  rateLimitMax: number;
}

/** Security headers, CORS for the web origin only, and a per-caller request budget. */
export const securityPlugin = fp<SecurityOptions>(
  async (app, opts) => {
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
    });
  },
  { name: 'security', dependencies: ['auth'] },
);
