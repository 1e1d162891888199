import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { schema, type Db } from '@tandem/db';
import { AppError } from '../lib/app-error';
import { actorId, type IdempotencyClaim } from '../lib/actor';
import { sha256 } from '../lib/crypto';

const { idempotencyKeys } = schema;
const KEEP_HOURS = 24;
const REPLAY_HEADERS = ['content-type', 'location', 'etag'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: IdempotencyClaim;
    /** Set by answerNotStored: the answer carries a secret shown once, so it is never stored for replay. */
    idempotencyAnswerNotStored?: boolean;
  }
  interface FastifyInstance {
    idempotencyLeaseSeconds: number;
  }
}

export interface IdempotencyPluginOptions {
  /** How long a claim holds the key: after it, a retry re-claims a key whose write never committed. */
  leaseSeconds: number;
}

/** Where a retry can read what a key's committed write made, for the entity types POSTs create or change. */
const ENTITY_PATHS: Record<string, (id: string) => string> = {
  organization: (id) => `/api/v1/organizations/${id}`,
  referral: (id) => `/api/v1/referrals/${id}`,
  client: (id) => `/api/v1/clients/${id}`,
  service: (id) => `/api/v1/services/${id}`,
  agreement: (id) => `/api/v1/agreements/${id}`,
};

const thisKey = (c: { actor: string; key: string }) => and(eq(idempotencyKeys.actor, c.actor), eq(idempotencyKeys.key, c.key));
const mine = (c: IdempotencyClaim) => and(thisKey(c), eq(idempotencyKeys.claim, c.claim));

/**
 * POST with `Idempotency-Key` (ARCHITECTURE §5). The first request claims (caller, key) with an
 * insert and a lease; the write's own transaction marks the key committed (lib/audit.ts
 * idempotencyMark, sent with every audit row), and the answer is stored when it is sent. A retry:
 * - with another body: 422 idempotency_key_reused;
 * - after the answer was stored: that answer (`Idempotent-Replayed: true`);
 * - after the write committed but no answer was stored (a 5xx after the commit, a crash): no
 *   second write; 409 idempotency_key_committed naming what was written (`entity`) and, when it
 *   can be read back, `Location` to read it;
 * - while the claim's lease runs: 409 idempotency_in_progress with Retry-After;
 * - after the lease ran out with nothing committed (the request died or failed): re-claims the
 *   key and runs. A 5xx before any commit ends the lease at once.
 * POSTs that record no audit row never mark a key, so after a 5xx or a crash a retry runs them
 * again; each is safe to repeat: sign-in makes another session (the first one's token reached no
 * one and expires unused; a failed one counts once more, as any attempt would), sign-out deletes what is already gone, reading one notification keeps
 * its first read time (coalesce), and an HSDS import matches rows on their HSDS id, so a re-import
 * writes nothing new. Read receipts and read-all are not safe to repeat (a retry would mark read
 * what came since), so they mark the key without an audit row (lib/audit.ts markIdempotencyKey).
 */
export const idempotencyPreHandler = async (req: FastifyRequest, reply: FastifyReply) => {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) return;
  const actor = actorId(req.actor) ?? `ip:${req.ip}`;
  const db = req.server.db;
  const leaseUntil = sql`now() + make_interval(secs => ${req.server.idempotencyLeaseSeconds})`;
  const requestHash = sha256(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
  const claim = randomUUID();
  await db
    .delete(idempotencyKeys)
    .where(and(thisKey({ actor, key }), sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${KEEP_HOURS})`));
  let claimed = await db
    .insert(idempotencyKeys)
    .values({ actor, key, method: req.method, path: req.url, requestHash, claim, leaseUntil })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed.length) {
    // A request that died (or failed) before its write committed: its lease ran out, take it over.
    // Row-locked against the write's mark: if that commits first, this matches nothing.
    claimed = await db
      .update(idempotencyKeys)
      .set({ claim, leaseUntil })
      .where(
        and(
          thisKey({ actor, key }),
          eq(idempotencyKeys.requestHash, requestHash),
          isNull(idempotencyKeys.committedAt),
          isNull(idempotencyKeys.statusCode),
          lt(idempotencyKeys.leaseUntil, sql`now()`),
        ),
      )
      .returning({ key: idempotencyKeys.key });
  }
  if (claimed.length) {
    req.idempotency = { actor, key, claim };
    return;
  }
  const [prior] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      statusCode: idempotencyKeys.statusCode,
      responseBody: idempotencyKeys.responseBody,
      responseHeaders: idempotencyKeys.responseHeaders,
      committedAt: idempotencyKeys.committedAt,
      entityType: idempotencyKeys.entityType,
      entityId: idempotencyKeys.entityId,
      retryAfter: sql<number>`greatest(1, ceil(extract(epoch from ${idempotencyKeys.leaseUntil} - now())))::int`,
    })
    .from(idempotencyKeys)
    .where(thisKey({ actor, key }));
  if (!prior) throw new AppError('idempotency_in_progress', 'Retry in a moment.');
  if (prior.requestHash !== requestHash) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request; use a new key.');
  }
  if (prior.statusCode !== null) {
    for (const [h, v] of Object.entries(prior.responseHeaders ?? {})) reply.header(h, v);
    reply.header('idempotent-replayed', 'true');
    return reply.code(prior.statusCode).send(prior.responseBody ?? '');
  }
  if (prior.committedAt) {
    const entity = prior.entityType ? { type: prior.entityType, id: prior.entityId } : null;
    const location = entity?.id ? ENTITY_PATHS[entity.type]?.(entity.id) : undefined;
    if (location) reply.header('location', location);
    throw new AppError(
      'idempotency_key_committed',
      `The first request with this key was written${location ? '; read the result at Location' : ''}. It is not written again.`,
      { entity },
    );
  }
  reply.header('retry-after', String(prior.retryAfter));
  throw new AppError('idempotency_in_progress', 'The first request with this key is still running; retry shortly.');
};

/**
 * For answers that carry a secret shown once (a new API key): the key's row keeps no copy of the
 * answer (only the hash of the secret is stored anywhere), so a retry after it was sent gets 409
 * idempotency_key_committed naming what was made, not the secret again.
 */
export const answerNotStored = (req: FastifyRequest) => {
  req.idempotencyAnswerNotStored = true;
};

/**
 * After the answer: a 5xx, or an answer never to be stored (answerNotStored), stores nothing (a
 * retry must not replay a failure or a secret; if the write committed, its mark stays and a retry
 * will not write again; if not, the lease ends now so a retry can run); any other answer is stored
 * for replay.
 */
const settleKey = async (db: Db, claim: IdempotencyClaim, reply: FastifyReply, payload: unknown, notStored: boolean) => {
  if (reply.statusCode >= 500 || notStored) {
    await db
      .update(idempotencyKeys)
      .set({ claim: null, leaseUntil: sql`now()` })
      .where(and(mine(claim), isNull(idempotencyKeys.committedAt)));
    return;
  }
  const headers: Record<string, string> = {};
  for (const h of REPLAY_HEADERS) {
    const v = reply.getHeader(h);
    if (v !== undefined) headers[h] = String(v);
  }
  await db
    .update(idempotencyKeys)
    .set({ statusCode: reply.statusCode, responseBody: typeof payload === 'string' ? payload : payload == null ? '' : String(payload), responseHeaders: headers, completedAt: sql`now()` })
    .where(mine(claim));
};

export const idempotencyPlugin = fp<IdempotencyPluginOptions>(
  async (app, opts) => {
    app.decorate('idempotencyLeaseSeconds', opts.leaseSeconds);
    app.addHook('onSend', async (req, reply, payload) => {
      const claim = req.idempotency;
      if (!claim) return payload;
      req.idempotency = undefined;
      try {
        await settleKey(app.db, claim, reply, payload, req.idempotencyAnswerNotStored === true);
      } catch (err) {
        // The store is unreachable (an outage): the answer goes out as it is. The key's lease runs
        // out by itself, and a mark the write committed stays, so a retry neither strands nor
        // writes twice. Only the error's code is logged: its message can carry SQL and values.
        req.log.warn({ code: (err as { code?: string }).code ?? 'unknown' }, 'idempotency key not settled');
      }
      return payload;
    });
  },
  { name: 'idempotency', dependencies: ['db'] },
);
