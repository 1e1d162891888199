import { and, asc, desc, eq, getTableColumns, ilike, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { OrgType } from '@tandem/contract';

const { organizations, auditLog, users } = schema;

/** The entity types of an organization's change history (audit_org_changes_idx's predicate, verbatim). */
const CHANGE_HISTORY = sql`${auditLog.entityType} in ('organization', 'service', 'location', 'contact', 'agreement')`;
export type OrganizationRow = typeof organizations.$inferSelect;

export const organizationsRepo = {
  /**
   * By name; or, for a sync (`since`), changed at or after `since` in (updated_at, id) order with
   * the keyset continuing after `after` (organizations_updated_idx).
   */
  async page(db: DbOrTx, f: { limit: number; q?: string; type?: OrgType; spa?: string; after?: [string, string]; since?: string }) {
    return db
      .select({ ...getTableColumns(organizations), updatedKey: sql<string>`${organizations.updatedAt}::text` })
      .from(organizations)
      .where(
        and(
          f.q ? ilike(organizations.name, `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
          f.type ? eq(organizations.type, f.type) : undefined,
          f.spa ? sql`${organizations.spas} @> array[${f.spa}]::text[]` : undefined,
          f.since ? sql`${organizations.updatedAt} >= ${f.since}::timestamptz` : undefined,
          f.after && f.since ? sql`(${organizations.updatedAt}, ${organizations.id}) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
          f.after && !f.since ? sql`(lower(${organizations.name}), ${organizations.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(...(f.since ? [asc(organizations.updatedAt), asc(organizations.id)] : [sql`lower(${organizations.name})`, asc(organizations.id)]))
      .limit(f.limit + 1);
  },
  one: async (db: DbOrTx, id: string) => (await db.select().from(organizations).where(eq(organizations.id, id)))[0],
  insert: async (db: DbOrTx, row: typeof organizations.$inferInsert) => (await db.insert(organizations).values(row).returning())[0]!,
  lock: async (db: DbOrTx, id: string) => (await db.select().from(organizations).where(eq(organizations.id, id)).for('update'))[0],
  /** Writes the change and bumps the version (optimistic concurrency). */
  update: async (db: DbOrTx, id: string, set: Partial<typeof organizations.$inferInsert>) =>
    (await db.update(organizations).set({ ...set, updatedAt: sql`now()`, version: sql`${organizations.version} + 1` }).where(eq(organizations.id, id)).returning())[0]!,
  /**
   * Changes to the organization and its directory records (services, locations, contacts,
   * agreements), newest first (audit_org_changes_idx, whose predicate this repeats). Not the reads
   * and referral work also filed under the organization: change history shows changes.
   */
  history: async (db: DbOrTx, orgId: string, limit: number, before?: [string, string]) =>
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        actorApiKeyId: auditLog.actorApiKeyId,
        changes: auditLog.changes,
        // Full microsecond precision for the cursor: a JS Date would round to milliseconds.
        atKey: sql<string>`${auditLog.at}::text`,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.organizationId, orgId), CHANGE_HISTORY, before ? sql`(${auditLog.at}, ${auditLog.id}) < (${before[0]}::timestamptz, ${before[1]}::uuid)` : undefined))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(limit + 1),
};
