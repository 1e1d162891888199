import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error';
import type { Actor, Ctx } from '../lib/actor';
import { createAuthCache } from '../lib/auth-cache';
import { sha256 } from '../lib/crypto';
import type { ApiScope, Role } from '@tandem/contract';
import type { Db } from '@tandem/db';

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

/** A signed-in session as the plugin reads it on each request. */
export interface SessionRow {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  memberships: { organizationId: string; role: Role }[];
}

/** Who an API key acts for, as the plugin reads it on each request. */
export interface KeyHolderRow {
  id: string;
  organizationId: string;
  scopes: ApiScope[];
  lastUsedAt: Date | null;
}

/**
 * What the plugin needs of the tables the auth module owns; the module supplies it
 * (`credentialLookup`) and app.ts passes it in, so the plugin reads no module's files.
 */
export interface CredentialLookup {
  findActiveSession: (db: Db, id: string) => Promise<SessionRow | undefined>;
  touchSession: (db: Db, id: string, expiresAt: Date) => Promise<void>;
  findApiKeyBySecretHash: (db: Db, secretHash: string) => Promise<KeyHolderRow | undefined>;
  markApiKeyUsed: (db: Db, id: string) => Promise<void>;
}

export interface AuthPluginOptions {
  sessionTtlHours: number;
  /** How long a lookup may be reused in this process (lib/auth-cache.ts). */
  cacheSeconds: number;
  credentials: CredentialLookup;
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
      return { actor: this.actor, requestId: String(this.id), ip: this.ip, idempotency: this.idempotency };
    });

    const sessions = createAuthCache<SessionRow>(opts.cacheSeconds * 1000);
    const apiKeys = createAuthCache<KeyHolderRow>(opts.cacheSeconds * 1000);

    app.addHook('onRequest', async (req) => {
      req.actor = { kind: 'anonymous' };
      // The REST API and the FHIR facade take credentials; the rest (web, docs, /hsds) is public.
      if (!req.url.startsWith('/api/') && !req.url.startsWith('/fhir/')) return;
      const key = bearer(req);
      if (key) {
        const hash = sha256(key);
        const row = await apiKeys.through(hash, () => opts.credentials.findApiKeyBySecretHash(app.db, hash));
        if (!row) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked.');
        req.actor = { kind: 'apiKey', keyId: row.id, organizationId: row.organizationId, scopes: row.scopes };
        if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
          await opts.credentials.markApiKeyUsed(app.db, row.id);
          row.lastUsedAt = new Date();
        }
        return;
      }
      const token = req.cookies[SESSION_COOKIE];
      if (!token) return;
      const id = sha256(token);
      const session = await sessions.through(id, () => opts.credentials.findActiveSession(app.db, id));
      // Expired or signed out: treated as anonymous (a cached session is held to its expiry too).
      if (!session || session.expiresAt.getTime() <= Date.now()) return;
      req.actor = {
        kind: 'user',
        userId: session.userId,
        sessionId: session.sessionId,
        memberships: session.memberships,
        isNetworkAdmin: session.memberships.some((m) => m.role === 'network_admin'),
      };
      if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        const expiresAt = new Date(Date.now() + opts.sessionTtlHours * 3600_000);
        await opts.credentials.touchSession(app.db, session.sessionId, expiresAt);
        Object.assign(session, { lastSeenAt: new Date(), expiresAt });
      }
    });
  },
  { name: 'auth', dependencies: ['db', '@fastify/cookie'] },
);
