import { and, asc, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { OutboxEvent } from '../referrals';
import type { PostResult } from './webhook-http';

const { webhookSubscriptions: subs, webhookDeliveries: deliveries, webhookAttempts: attempts } = schema;

export type SubscriptionRow = typeof subs.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type AttemptRow = typeof attempts.$inferSelect;
export interface Stream {
  subscriptionId: string;
  referralId: string | null;
  nextAttemptAt?: Date;
}

/** The webhooks module's own tables only; the outbox is read through referrals/outbox.ts. */
export const webhooksRepo = {
  subscription: async (db: DbOrTx, id: string) => (await db.select().from(subs).where(eq(subs.id, id)))[0],
  lockSubscription: async (db: DbOrTx, id: string) => (await db.select().from(subs).where(eq(subs.id, id)).for('update'))[0],
  /** Keyset page of the organizations' subscriptions, newest first. */
  listSubscriptions: (db: DbOrTx, orgIds: string[], limit: number, after?: { createdAt: Date; id: string }) =>
    db
      .select()
      .from(subs)
      .where(and(inArray(subs.organizationId, orgIds), after ? or(lt(subs.createdAt, after.createdAt), and(eq(subs.createdAt, after.createdAt), lt(subs.id, after.id))) : undefined))
      .orderBy(desc(subs.createdAt), desc(subs.id))
      .limit(limit),
  insertSubscription: async (db: DbOrTx, row: typeof subs.$inferInsert) => (await db.insert(subs).values(row).returning())[0]!,
  updateSubscription: async (db: DbOrTx, id: string, set: Partial<typeof subs.$inferInsert>) =>
    (await db.update(subs).set({ ...set, updatedAt: new Date(), version: sql`${subs.version} + 1` }).where(eq(subs.id, id)).returning())[0]!,
  deleteSubscription: (db: DbOrTx, id: string) => db.delete(subs).where(eq(subs.id, id)),
  pause: async (db: DbOrTx, id: string) =>
    (await db.update(subs).set({ status: 'paused', pausedAt: new Date(), updatedAt: new Date(), version: sql`${subs.version} + 1` }).where(and(eq(subs.id, id), eq(subs.status, 'active'))).returning())[0],

  /** One delivery per (event, subscription of an organization that may hear of it and asked for its type); the streams that got work. */
  async insertDeliveries(tx: DbOrTx, events: OutboxEvent[]): Promise<Stream[]> {
    const rows = JSON.stringify(events.map((e, i) => ({ ord: i, id: e.id, event: e.event, organization_ids: e.organizationIds, payload: e.payload, created_at: e.createdAt.toISOString() })));
    const res = await tx.execute<{ subscription_id: string; referral_id: string | null }>(sql`
      with ins as (
        insert into ${deliveries} (subscription_id, event_id, event, referral_id, referral_version, payload, created_at)
        select s.id, p.id, p.event, (p.payload->>'referralId')::uuid, (p.payload->>'version')::int, p.payload, p.created_at
          from jsonb_to_recordset(${rows}::jsonb) as p(ord int, id uuid, event text, organization_ids uuid[], payload jsonb, created_at timestamptz)
          join ${subs} s on s.organization_id = any(p.organization_ids) and p.event = any(s.events)
         order by p.ord, s.id
        returning subscription_id, referral_id
      )
      select distinct subscription_id, referral_id from ins`);
    return res.rows.map((r) => ({ subscriptionId: r.subscription_id, referralId: r.referral_id }));
  },

  /** The oldest pending delivery of a stream: what goes out next, whatever waits behind it. */
  streamHead: async (db: DbOrTx, subscriptionId: string, referralId: string | null) =>
    (
      await db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.subscriptionId, subscriptionId), referralId ? eq(deliveries.referralId, referralId) : sql`${deliveries.referralId} is null`, eq(deliveries.state, 'pending')))
        .orderBy(sql`${deliveries.referralVersion} asc nulls first`, asc(deliveries.seq))
        .limit(1)
    )[0],

  /** Streams of active subscriptions with pending deliveries, and when the earliest is due. */
  async pendingStreams(db: DbOrTx): Promise<Stream[]> {
    const res = await db.execute<{ subscription_id: string; referral_id: string | null; next_at: string }>(sql`
      select d.subscription_id, d.referral_id, min(d.next_attempt_at) as next_at
        from ${deliveries} d join ${subs} s on s.id = d.subscription_id and s.status = 'active'
       where d.state = 'pending' group by 1, 2`);
    return res.rows.map((r) => ({ subscriptionId: r.subscription_id, referralId: r.referral_id, nextAttemptAt: new Date(r.next_at) }));
  },

  async recordAttempt(db: DbOrTx, d: DeliveryRow, attempt: number, r: PostResult, state: DeliveryRow['state'], next: Date | null) {
    await db.insert(attempts).values({ deliveryId: d.id, subscriptionId: d.subscriptionId, attempt, statusCode: r.statusCode, latencyMs: r.latencyMs, error: r.error, responseExcerpt: r.responseExcerpt });
    await db
      .update(deliveries)
      .set({ attempts: attempt, state, ...(state === 'delivered' ? { deliveredAt: new Date() } : {}), ...(next ? { nextAttemptAt: next } : {}) })
      .where(eq(deliveries.id, d.id));
  },

  /** A new delivery of an existing event (manual redelivery): same event id, goes out behind what its stream has pending. */
  insertDelivery: async (db: DbOrTx, row: typeof deliveries.$inferInsert) => (await db.insert(deliveries).values(row).returning())[0]!,
  delivery: async (db: DbOrTx, subscriptionId: string, id: string) =>
    (await db.select().from(deliveries).where(and(eq(deliveries.id, id), eq(deliveries.subscriptionId, subscriptionId))))[0],

  /** The delivery log, newest attempt first (keyset on at, id). */
  attemptLog: (db: DbOrTx, subscriptionId: string, limit: number, after?: { at: Date; id: string }) =>
    db
      .select({
        id: attempts.id,
        deliveryId: attempts.deliveryId,
        eventId: deliveries.eventId,
        event: deliveries.event,
        deliveryState: deliveries.state,
        attempt: attempts.attempt,
        at: attempts.at,
        statusCode: attempts.statusCode,
        latencyMs: attempts.latencyMs,
        error: attempts.error,
        responseExcerpt: attempts.responseExcerpt,
      })
      .from(attempts)
      .innerJoin(deliveries, eq(deliveries.id, attempts.deliveryId))
      .where(and(eq(attempts.subscriptionId, subscriptionId), after ? or(lt(attempts.at, after.at), and(eq(attempts.at, after.at), lt(attempts.id, after.id))) : undefined))
      .orderBy(desc(attempts.at), desc(attempts.id))
      .limit(limit),
};
export type AttemptLogRow = Awaited<ReturnType<typeof webhooksRepo.attemptLog>>[number];
