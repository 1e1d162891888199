import { sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { outbox } = schema;

export interface OutboxEvent {
  id: string;
  event: string;
  /** The organizations that may hear of it (the sides of the referral that may see the change). */
  organizationIds: string[];
  /** Ids, type, status and version only: no client detail (webhooks carry it out of the network). */
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * What the referrals module hands the webhooks module: its outbox rows not yet handed over, oldest
 * first, marked handed over in the same statement. Call it inside the transaction that stores what
 * they become: a rollback un-claims them. `skip locked`: fan-outs running at once take different rows.
 */
export const referralOutbox = {
  async claim(tx: DbOrTx, limit: number): Promise<OutboxEvent[]> {
    const res = await tx.execute<{ id: string; event: string; organization_ids: string[]; payload: Record<string, unknown>; created_at: Date | string }>(sql`
      with picked as (
        select id from ${outbox} where delivered_at is null order by created_at, id limit ${limit} for update skip locked
      )
      update ${outbox} o set delivered_at = now(), attempts = o.attempts + 1 from picked where o.id = picked.id
      returning o.id, o.event, o.organization_ids, o.payload, o.created_at`);
    return res.rows
      .map((r) => ({ id: r.id, event: r.event, organizationIds: r.organization_ids, payload: r.payload, createdAt: new Date(r.created_at) }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  },
};
