import { sql } from 'drizzle-orm';
import { reuse, schema, type DbOrTx } from '@tandem/db';
import type { Ctx } from './actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }> | null;
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
    actorUserId: a.kind === 'user' ? a.userId : null,
    actorApiKeyId: a.kind === 'apiKey' ? a.keyId : null,
    actorOrgId: a.kind === 'apiKey' ? a.organizationId : a.kind === 'user' ? (a.memberships[0]?.organizationId ?? null) : null,
    requestId: ctx.requestId,
    ip: ctx.ip || null,
  };
};
type AuditValues = ReturnType<typeof auditValues>;

/**
 * The audit row's INSERT, not yet run: for `writeTogether`, which sends it in the same round trip
 * as the writes it records. Synchronous on purpose (an async function would run the builder).
 */
export const auditInsert = (db: DbOrTx, ctx: Ctx, entry: AuditEntry) => db.insert(schema.auditLog).values(auditValues(ctx, entry));

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
};

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Field-by-field difference of two versions of a record, for the audit trail and history views. */
export const diffFields = <T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]) => {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) if (f in after && !same(before[f], after[f])) out[f] = { from: before[f] ?? null, to: after[f] ?? null };
  return out;
};
