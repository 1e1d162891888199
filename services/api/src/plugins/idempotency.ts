import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { AppError } from '../lib/app-error';
import { actorId } from '../lib/actor';
import { sha256 } from '../lib/crypto';

const { idempotencyKeys } = schema;
const KEEP_HOURS = 24;
const REPLAY_HEADERS = ['content-type', 'location', 'etag'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actor: string; key: string };
  }
}

/**
 * POST with `Idempotency-Key`: the first request claims (caller, key) with an insert; a retry
 * with the same body gets the stored answer, another body 422, and a retry while the first is
 * still running 409. 5xx answers release the key so the client can try again.
 */
export const idempotencyPreHandler = async (req: FastifyRequest, reply: FastifyReply) => {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) return;
  const actor = actorId(req.actor) ?? `ip:${req.ip}`;
  const db = req.server.db;
  const requestHash = sha256(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actor, actor), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${KEEP_HOURS})`));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ actor, key, method: req.method, path: req.url, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length) {
    req.idempotency = { actor, key };
    return;
  }
  const [prior] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.actor, actor), eq(idempotencyKeys.key, key)));
  if (!prior) throw new AppError('idempotency_in_progress', 'Retry in a moment.');
  if (prior.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key.');
  }
  if (prior.statusCode === null) throw new AppError('idempotency_in_progress', 'The first request with this key is still running; retry shortly.');
  for (const [h, v] of Object.entries(prior.responseHeaders ?? {})) reply.header(h, v);
  reply.header('idempotent-replayed', 'true');
  return reply.code(prior.statusCode).send(prior.responseBody ?? '');
};

export const idempotencyPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (req, reply, payload) => {
      const claim = req.idempotency;
      if (!claim) return payload;
      req.idempotency = undefined;
      if (reply.statusCode >= 500) {
        await app.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.actor, claim.actor), eq(idempotencyKeys.key, claim.key)));
        return payload;
      }
      const headers: Record<string, string> = {};
      for (const h of REPLAY_HEADERS) {
        const v = reply.getHeader(h);
        if (v !== undefined) headers[h] = String(v);
      }
      await app.db
        .update(idempotencyKeys)
        .set({ statusCode: reply.statusCode, responseBody: typeof payload === 'string' ? payload : payload == null ? '' : String(payload), responseHeaders: headers, completedAt: sql`now()` })
        .where(and(eq(idempotencyKeys.actor, claim.actor), eq(idempotencyKeys.key, claim.key)));
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db'] },
);
