import { schema, type DbOrTx } from '@tandem/db';
import type { Ctx } from './actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  changes?: Record<string, { from: unknown; to: unknown }> | null;
}

/**
 * The audit row's INSERT, not yet run: for `writeTogether`, which sends it in the same round trip
 * as the writes it records. Synchronous on purpose (an async function would run the builder).
 */
export const auditInsert = (db: DbOrTx, ctx: Ctx, entry: AuditEntry) => {
  const a = ctx.actor;
  return db.insert(schema.auditLog).values({
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
  });
};

/** Appends one audit row in the caller's transaction: the change and its record commit together. */
export const recordAudit = async (db: DbOrTx, ctx: Ctx, entry: AuditEntry) => {
  await auditInsert(db, ctx, entry);
};

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** Field-by-field difference of two versions of a record, for the audit trail and history views. */
export const diffFields = <T extends Record<string, unknown>>(before: T, after: Partial<T>, fields: readonly (keyof T & string)[]) => {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of fields) if (f in after && !same(before[f], after[f])) out[f] = { from: before[f] ?? null, to: after[f] ?? null };
  return out;
};
