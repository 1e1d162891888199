import { sql } from 'drizzle-orm';
import { reuse, schema, type DbOrTx } from '@tandem/db';
import { type Ctx, userIdOf } from './actor';
import type { WritePart } from './batch';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }> | null;
  /**
   * A read recorded inside a write (a create showing likely matches): it does not mark the
   * request's Idempotency-Key, so a retry is pointed at what was written, not at what was shown.
   */
  read?: boolean;
}

/** The audit row's column values: who (user or API key, and for whom), what, where from. */
const auditValues = (ctx: Ctx, entry: AuditEntry) => {
  const a = ctx.actor;
  return {
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    organizationId: entry.organizationId ?? null,
    changes: entry.changes ?? null,
    actorUserId: userIdOf(a),
    actorApiKeyId: a.kind === 'apiKey' ? a.keyId : null,
    actorOrgId: a.kind === 'apiKey' ? a.organizationId : a.kind === 'user' ? (a.memberships[0]?.organizationId ?? null) : null,
    requestId: ctx.requestId,
    ip: ctx.ip || null,
  };
};
type AuditValues = ReturnType<typeof auditValues>;

/**
 * Marks the request's `Idempotency-Key` as committed, with what it wrote, for the statement or
 * transaction that records the write: so the mark commits with the write or not at all, and a
 * retry after a 5xx or a crash never writes again (plugins/idempotency.ts). Null without a key.
 *
 * Every write a POST can make records an audit row in its transaction (CONVENTIONS), so the audit
 * helpers below send this with it. If the claim is no longer this request's (its lease ran out
 * and a retry re-claimed the key), tandem_assert raises and the whole write is undone: of two
 * requests with one key at most one commits. The last entity recorded wins (a forward writes the
 * declined original, then the new referral it answers with).
 */
export const idempotencyMark = (ctx: Ctx, entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'read'>) => {
  const c = ctx.idempotency;
  if (!c || entry.read) return null;
  const k = schema.idempotencyKeys;
  return sql`update ${k} set committed_at = now(), entity_type = ${entry.entityType}, entity_id = ${entry.entityId ?? null},
    claim = case when tandem_assert(${k.claim} is not distinct from ${c.claim}::uuid, ${IDEMPOTENCY_CLAIM_LOST}) then ${k.claim} end
    where ${k.actor} = ${c.actor} and ${k.key} = ${c.key}`;
};
/**
 * For a write that records no audit row but must not apply twice (a read receipt moves "read up
 * to now"): marks the request's Idempotency-Key in the caller's transaction, as an audit row would.
 */
export const markIdempotencyKey = async (db: DbOrTx, ctx: Ctx, entity: { entityType: string; entityId?: string | null }) => {
  const mark = idempotencyMark(ctx, entity);
  if (mark) await db.execute(mark);
};

/** tandem_assert's message when a request lost its idempotency claim (plugins/errors.ts answers 409). */
export const IDEMPOTENCY_CLAIM_LOST = 'idempotency_claim_lost';

/**
 * The audit row's INSERT, not yet run: for `writeTogether`, which sends it in the same round trip
 * as the writes it records, with the idempotency mark when the request has a key. Synchronous on
 * purpose (an async function would run the builder).
 */
export const auditInsert = (db: DbOrTx, ctx: Ctx, entry: AuditEntry): WritePart => {
  const insert = db.insert(schema.auditLog).values(auditValues(ctx, entry));
  const mark = idempotencyMark(ctx, entry);
  return mark ? [insert, mark] : insert;
};

/**
 * Appends one audit row in the caller's transaction: the change and its record commit together.
 * Built once per handle and prepared by name (`reuse`): audited reads such as an inbox page run it
 * on every request.
 */
export const recordAudit = async (db: DbOrTx, ctx: Ctx, entry: AuditEntry) => {
  const values = auditValues(ctx, entry);
  const insert = reuse(db, 'audit.insert', () =>
    db
      .insert(schema.auditLog)
      .values(Object.fromEntries(Object.keys(values).map((k) => [k, sql.placeholder(k)])) as unknown as AuditValues)
      .prepare('audit_insert'),
  );
  await insert.execute(values);
  const mark = idempotencyMark(ctx, entry);
  if (mark) await db.execute(mark);
};

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Field-by-field difference of two versions of a record, for the audit trail and history views. */
export const diffFields = <T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]) => {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) if (f in after && !same(before[f], after[f])) out[f] = { from: before[f] ?? null, to: after[f] ?? null };
  return out;
};
