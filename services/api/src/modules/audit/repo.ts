import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { auditLog } = schema;

export const auditRepo = {
  /**
   * Newest first, keyset on (at, id). An org admin's page uses audit_org_at_idx
   * (organization_id, at); an entity filter uses audit_entity_idx (entity_type, entity_id, at).
   */
  page: async (db: DbOrTx, f: { orgIds: string[] | null; entityType?: string; entityId?: string; limit: number; after?: [string, string] }) =>
    db
      .select({ a: auditLog, cursorAt: sql<string>`${auditLog.at}::text` })
      .from(auditLog)
      .where(
        and(
          f.orgIds ? inArray(auditLog.organizationId, f.orgIds) : undefined,
          f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
          f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
          f.after ? sql`(${auditLog.at}, ${auditLog.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(f.limit + 1),

  /**
   * Creates the audit log's monthly partitions up to `monthsAhead` months after this one (those
   * missing only; migration 0016's `tandem_audit_partitions`). Returns how many it created.
   */
  ensurePartitions: async (db: DbOrTx, monthsAhead: number) => {
    const r = await db.execute<{ made: number }>(sql`select tandem_audit_partitions(${monthsAhead}::int) as made`);
    return Number(r.rows[0]?.made ?? 0);
  },
};
