import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { schema, type Db, type DbOrTx } from '@tandem/db';
import { orgAdminsOf } from '../members';
import { notifier } from '../notifications';
import { referralOutbox } from '../referrals';
import { signatureHeader } from './signing';
import { postWebhook } from './webhook-http';
import { webhooksRepo, type DeliveryRow, type SubscriptionRow } from './repo';

/**
 * The worker's side of webhooks (services/worker runs these as graphile-worker tasks):
 * - fanOutOutbox: outbox rows → one delivery row per matching subscription, and a delivery job per
 *   stream (subscription × referral), in one transaction: a crash re-claims the rows.
 * - deliverStream: one stream at a time (a session advisory lock, freed by PostgreSQL when a killed
 *   worker's connection drops), oldest first, the head retried with backoff before anything behind it.
 * Every state change is committed before the next HTTP call, so a crash repeats at most the one
 * attempt in flight (receivers de-duplicate by event id).
 */
export interface DeliveryOptions {
  allowPrivateUrls: boolean;
  timeoutMs: number;
  /** How long a delivery is retried before it fails and pauses its subscription (24 h). */
  retryWindowMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { allowPrivateUrls: false, timeoutMs: 10_000, retryWindowMs: 24 * 3600_000, backoffBaseMs: 10_000, backoffMaxMs: 3600_000 };

/** The wait before attempt n+1 after n failures: exponential, capped, with full jitter on its upper half. */
export const backoffMs = (failures: number, o: Pick<DeliveryOptions, 'backoffBaseMs' | 'backoffMaxMs'>, random = Math.random) => {
  const ceiling = Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** Math.min(20, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};

const FANOUT_BATCH = 500;

/**
 * Queues the stream's delivery job (graphile-worker's add_job, in the caller's transaction, through
 * tandem_add_job: nothing to queue into before a worker has run on this database, and then the
 * worker's start re-queues the stream). One job key per stream: a burst of events runs it once.
 */
export const enqueueStream = (db: DbOrTx, subscriptionId: string, referralId: string | null, runAt?: Date) =>
  db.execute(sql`select tandem_add_job('webhooks.deliver', json_build_object('subscriptionId', ${subscriptionId}::text, 'referralId', ${referralId}::text),
    ${runAt?.toISOString() ?? null}::timestamptz, ${`webhooks.deliver:${subscriptionId}:${referralId ?? 'none'}`}, 25)`);

export const fanOutOutbox = async (db: Db): Promise<number> => {
  let total = 0;
  for (let n = FANOUT_BATCH; n === FANOUT_BATCH; total += n) {
    n = await db.transaction(async (tx) => {
      const events = await referralOutbox.claim(tx, FANOUT_BATCH);
      if (!events.length) return 0;
      const streams = await webhooksRepo.insertDeliveries(tx, events);
      for (const s of streams) await enqueueStream(tx, s.subscriptionId, s.referralId);
      return events.length;
    });
  }
  return total;
};

/** After a crash or a resume: a job for every stream of an active subscription that has work waiting. */
export const resumeStreams = async (db: Db) =>
  db.transaction(async (tx) => {
    const streams = await webhooksRepo.pendingStreams(tx);
    for (const s of streams) await enqueueStream(tx, s.subscriptionId, s.referralId, s.nextAttemptAt);
    return streams.length;
  });

export class StreamBusy extends Error {
  constructor() {
    super('another worker is delivering this stream; retried later');
  }
}

const LOCK_NS = 7272;

export const deliverStream = async (pool: pg.Pool, subscriptionId: string, referralId: string | null, o: DeliveryOptions, onPaused?: (sub: SubscriptionRow) => Promise<void>) => {
  const client = await pool.connect();
  const db = drizzle(client, { schema });
  const key = `${subscriptionId}:${referralId ?? 'none'}`;
  try {
    const got = await client.query<{ got: boolean }>('select pg_try_advisory_lock($1::int, hashtext($2)) as got', [LOCK_NS, key]);
    if (!got.rows[0]?.got) throw new StreamBusy();
    try {
      for (;;) {
        const sub = await webhooksRepo.subscription(db, subscriptionId);
        if (!sub || sub.status !== 'active') return;
        const head = await webhooksRepo.streamHead(db, subscriptionId, referralId);
        if (!head) return;
        if (head.nextAttemptAt.getTime() > Date.now()) {
          await enqueueStream(db, subscriptionId, referralId, head.nextAttemptAt);
          return;
        }
        if (!(await attempt(db, sub, head, o, onPaused))) return;
      }
    } finally {
      await client.query('select pg_advisory_unlock($1::int, hashtext($2))', [LOCK_NS, key]);
    }
  } finally {
    client.release();
  }
};

/** The body a subscriber receives: the event id to de-duplicate by, its type, and ids/status/version only. */
export const eventBody = (d: Pick<DeliveryRow, 'eventId' | 'event' | 'createdAt' | 'payload'>, organizationId: string) =>
  JSON.stringify({ id: d.eventId, type: d.event, createdAt: d.createdAt.toISOString(), organizationId, data: d.payload });

/** The notification of a paused subscription to its organization's admins, in the pause's transaction. */
const pausedNotice = (sub: SubscriptionRow) =>
  notifier.insert(
    'webhook.paused',
    'webhook_subscription',
    sql`select a.user_id, ${sub.id}::uuid as entity_id, ${'A webhook subscription was paused: its deliveries kept failing'}::text as title,
      jsonb_build_object('organizationId', ${sub.organizationId}::text, 'host', ${new URL(sub.url).host}::text) as data
      from (${orgAdminsOf(sub.organizationId)}) a`,
  );

/** One HTTP attempt of the stream's head and its log row. Returns whether the stream may go on. */
const attempt = async (db: Db, sub: SubscriptionRow, d: DeliveryRow, o: DeliveryOptions, onPaused?: (sub: SubscriptionRow) => Promise<void>) => {
  const body = eventBody(d, sub.organizationId);
  const now = new Date();
  const secrets = [sub.secret, ...(sub.previousSecret && sub.previousSecretExpiresAt && sub.previousSecretExpiresAt > now ? [sub.previousSecret] : [])];
  const n = d.attempts + 1;
  const r = await postWebhook(
    sub.url,
    { 'tandem-signature': signatureHeader(secrets, Math.floor(now.getTime() / 1000), body), 'tandem-event-id': d.eventId, 'tandem-event-type': d.event, 'tandem-delivery-attempt': String(n) },
    body,
    { timeoutMs: o.timeoutMs, allowPrivate: o.allowPrivateUrls },
  );
  const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
  const givesUp = !ok && Date.now() - d.createdAt.getTime() >= o.retryWindowMs;
  const next = ok || givesUp ? null : new Date(Date.now() + backoffMs(n, o));
  const paused = await db.transaction(async (tx) => {
    await webhooksRepo.recordAttempt(tx, d, n, r, ok ? 'delivered' : givesUp ? 'failed' : 'pending', next);
    if (!givesUp) return undefined;
    const paused = await webhooksRepo.pause(tx, sub.id);
    // The organization's admins hear of it with the pause (only the URL's host: no path, no secret).
    if (paused) await tx.execute(pausedNotice(paused));
    return paused;
  });
  if (paused && onPaused) await onPaused(paused);
  if (next) await enqueueStream(db, sub.id, d.referralId, next);
  return ok;
};
