import { and, desc, eq, gte, inArray, like, lt, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { auditLog, referrals, consents, users, apiKeys, organizations } = schema;

export interface AuditFilter {
  orgIds: string[] | null;
  from?: string;
  to?: string;
  actorUserId?: string;
  actorApiKeyId?: string;
  /** An action, or every action under a prefix ending in a dot. */
  action?: string;
  entityType?: string;
  entityId?: string;
  clientId?: string;
  limit: number;
  after?: [string, string];
}

/** A column of the outer audit row, qualified (drizzle leaves them bare in a one-table select). */
const outer = (column: string) => sql.raw(`"audit_log"."${column}"`);

/** Rows about a client: the client itself, its consents and its referrals (audit_entity_idx each). */
const aboutClient = (clientId: string) =>
  or(
    and(eq(auditLog.entityType, 'client'), eq(auditLog.entityId, clientId)),
    and(eq(auditLog.entityType, 'referral'), inArray(auditLog.entityId, sql`(select ${referrals.id}::text from ${referrals} where ${referrals.clientId} = ${clientId})`)),
    and(eq(auditLog.entityType, 'consent'), inArray(auditLog.entityId, sql`(select ${consents.id}::text from ${consents} where ${consents.clientId} = ${clientId})`)),
  );

export const auditRepo = {
  /**
   * Newest first, keyset on (at, id). The time range comes first, so PostgreSQL reads only the
   * monthly partitions it covers (docs/decisions/0005). Within them: an org admin's page uses
   * audit_org_at_idx (organization_id, at); who, audit_actor_at_idx or audit_key_at_idx; what,
   * audit_action_at_idx; an entity or a client, audit_entity_idx (entity_type, entity_id, at).
   */
  page: async (db: DbOrTx, f: AuditFilter) =>
    db
      .select({
        a: auditLog,
        cursorAt: sql<string>`${auditLog.at}::text`,
        // Names by primary key, for the page's rows only (scalar subqueries run after the limit).
        actorName: sql<string | null>`coalesce((select u.name from ${users} u where u.id = ${outer('actor_user_id')}), (select k.name from ${apiKeys} k where k.id = ${outer('actor_api_key_id')}))`,
        actorOrganizationName: sql<string | null>`(select o.name from ${organizations} o where o.id = ${outer('actor_org_id')})`,
        organizationName: sql<string | null>`(select o.name from ${organizations} o where o.id = ${outer('organization_id')})`,
      })
      .from(auditLog)
      .where(
        and(
          f.from ? gte(auditLog.at, new Date(f.from)) : undefined,
          f.to ? lt(auditLog.at, new Date(f.to)) : undefined,
          f.orgIds ? inArray(auditLog.organizationId, f.orgIds) : undefined,
          f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
          f.actorApiKeyId ? eq(auditLog.actorApiKeyId, f.actorApiKeyId) : undefined,
          f.action ? (f.action.endsWith('.') ? like(auditLog.action, `${f.action}%`) : eq(auditLog.action, f.action)) : undefined,
          f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
          f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
          f.clientId ? aboutClient(f.clientId) : undefined,
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
export type AuditPageRow = Awaited<ReturnType<typeof auditRepo.page>>[number];
