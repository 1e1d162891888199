import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error';
import type { Actor, Ctx } from '../lib/actor';
import { sha256 } from '../lib/crypto';
import { authRepo } from '../modules/auth/repo';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    ctx: () => Ctx;
  }
}

export const SESSION_COOKIE = 'tandem_session';
// Sliding expiry is written at most once a minute per session, API-key use once a minute per key,
// so a busy client does not turn every read into a write.
const TOUCH_EVERY_MS = 60_000;

export interface AuthPluginOptions {
  sessionTtlHours: number;
}

const bearer = (req: FastifyRequest) => {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw new AppError('unauthenticated', 'Authorization must be "Bearer <api key>".');
  return m[1];
};

/** Resolves who is calling (session cookie or API key) before any route runs. */
export const authPlugin = fp<AuthPluginOptions>(
  async (app, opts) => {
    // null placeholder keeps request objects the same shape; set on every request below.
    app.decorateRequest('actor', null as never);
    app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
      return { actor: this.actor, requestId: String(this.id), ip: this.ip };
    });

    app.addHook('onRequest', async (req) => {
      req.actor = { kind: 'anonymous' };
      if (!req.url.startsWith('/api/')) return;
      const key = bearer(req);
      if (key) {
        const row = await authRepo.findApiKeyBySecretHash(app.db, sha256(key));
        if (!row) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked.');
        req.actor = { kind: 'apiKey', keyId: row.id, organizationId: row.organizationId, scopes: row.scopes };
        if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) await authRepo.markApiKeyUsed(app.db, row.id);
        return;
      }
      const token = req.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await authRepo.findActiveSession(app.db, sha256(token));
      if (!session) return; // expired or signed out: treated as anonymous
      req.actor = {
        kind: 'user',
        userId: session.userId,
        sessionId: session.sessionId,
        memberships: session.memberships,
        isNetworkAdmin: session.memberships.some((m) => m.role === 'network_admin'),
      };
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await authRepo.touchSession(app.db, session.sessionId, new Date(Date.now() + opts.sessionTtlHours * 3600_000));
      }
    });
  },
  { name: 'auth', dependencies: ['db', '@fastify/cookie'] },
);
