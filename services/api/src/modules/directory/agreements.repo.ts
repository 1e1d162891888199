import { and, eq, getTableColumns, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { agreements, agreementParties, agreementApprovals, organizations, users } = schema;
export type AgreementRow = typeof agreements.$inferSelect;

export interface AgreementFilters {
  limit: number;
  /** Only agreements one of these organizations is a party to (undefined = all). */
  visibleTo?: string[];
  organizationId?: string;
  kind?: AgreementRow['kind'];
  status?: AgreementRow['status'];
  /** Inclusive end-date window [from, to] as YYYY-MM-DD. */
  endBetween?: [string, string];
  /** Keyset: [end date or 'infinity', id] of the last row of the previous page. */
  after?: [string, string];
}

const partyOf = (orgIds: string[]) =>
  sql`exists (select 1 from ${agreementParties} ap where ap.agreement_id = ${agreements.id} and ap.organization_id in (${sql.join(
    orgIds.map((o) => sql`${o}::uuid`),
    sql`, `,
  )}))`;

/**
 * An active BAA naming both organizations, in force on today's Los Angeles date (agreement dates
 * are LA calendar dates), as an SQL condition: the referrals module reads it inside its packet
 * query instead of asking in a separate round trip. The one definition of "a BAA stands in for
 * consent" (ARCHITECTURE §3).
 */
export const activeBaaBetween = (orgA: SQLWrapper, orgB: SQLWrapper) => sql`exists (
  select 1 from ${agreements} a
  where a.kind = 'baa' and a.status = 'active'
    and (a.start_date is null or a.start_date <= (now() at time zone 'America/Los_Angeles')::date)
    and (a.end_date is null or a.end_date >= (now() at time zone 'America/Los_Angeles')::date)
    and exists (select 1 from ${agreementParties} p where p.agreement_id = a.id and p.organization_id = ${orgA})
    and exists (select 1 from ${agreementParties} p where p.agreement_id = a.id and p.organization_id = ${orgB}))`;

// Open-ended agreements sort last: PostgreSQL dates have 'infinity'.
const endKey = sql`coalesce(${agreements.endDate}, 'infinity'::date)`;

export const agreementsRepo = {
  async page(db: DbOrTx, f: AgreementFilters): Promise<(AgreementRow & { endKey: string })[]> {
    if (f.visibleTo && f.visibleTo.length === 0) return [];
    return db
      .select({ ...getTableColumns(agreements), endKey: sql<string>`${endKey}::text` })
      .from(agreements)
      .where(
        and(
          f.visibleTo ? partyOf(f.visibleTo) : undefined,
          f.organizationId ? partyOf([f.organizationId]) : undefined,
          f.kind ? eq(agreements.kind, f.kind) : undefined,
          f.status ? eq(agreements.status, f.status) : undefined,
          f.endBetween ? sql`${agreements.endDate} between ${f.endBetween[0]}::date and ${f.endBetween[1]}::date` : undefined,
          f.after ? sql`(${endKey}, ${agreements.id}) > (${f.after[0]}::date, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(endKey, agreements.id)
      .limit(f.limit + 1);
  },

  /** Parties of several agreements in one query, by organization name. */
  async parties(db: DbOrTx, agreementIds: string[]) {
    if (!agreementIds.length) return new Map<string, { id: string; name: string }[]>();
    const rows = await db
      .select({ agreementId: agreementParties.agreementId, id: organizations.id, name: organizations.name })
      .from(agreementParties)
      .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
      .where(inArray(agreementParties.agreementId, agreementIds))
      .orderBy(sql`lower(${organizations.name})`, organizations.id);
    const out = new Map<string, { id: string; name: string }[]>();
    for (const r of rows) out.set(r.agreementId, [...(out.get(r.agreementId) ?? []), { id: r.id, name: r.name }]);
    return out;
  },

  one: async (db: DbOrTx, id: string) => (await db.select().from(agreements).where(eq(agreements.id, id)))[0],
  lock: async (db: DbOrTx, id: string) => (await db.select().from(agreements).where(eq(agreements.id, id)).for('update'))[0],
  insert: async (db: DbOrTx, row: typeof agreements.$inferInsert) => (await db.insert(agreements).values(row).returning())[0]!,
  /** Writes the change and bumps the version (optimistic concurrency). */
  update: async (db: DbOrTx, id: string, set: Partial<typeof agreements.$inferInsert>) =>
    (await db.update(agreements).set({ ...set, updatedAt: sql`now()`, version: sql`${agreements.version} + 1` }).where(eq(agreements.id, id)).returning())[0]!,

  /** Which of these organization ids exist (to answer 422 naming the missing ones). */
  existingOrgIds: async (db: DbOrTx, ids: string[]) =>
    new Set((await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids))).map((r) => r.id)),
  async replaceParties(db: DbOrTx, agreementId: string, orgIds: string[]) {
    await db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
    await db.insert(agreementParties).values(orgIds.map((organizationId) => ({ agreementId, organizationId })));
  },

  /** Party approvals of several agreements in one query. */
  async approvals(db: DbOrTx, agreementIds: string[]) {
    const out = new Map<string, { organizationId: string; approvedAt: Date; approvedByName: string | null }[]>();
    if (!agreementIds.length) return out;
    const rows = await db
      .select({ agreementId: agreementApprovals.agreementId, organizationId: agreementApprovals.organizationId, approvedAt: agreementApprovals.approvedAt, approvedByName: users.name })
      .from(agreementApprovals)
      .leftJoin(users, eq(users.id, agreementApprovals.approvedBy))
      .where(inArray(agreementApprovals.agreementId, agreementIds))
      .orderBy(agreementApprovals.approvedAt, agreementApprovals.organizationId);
    for (const r of rows) out.set(r.agreementId, [...(out.get(r.agreementId) ?? []), { organizationId: r.organizationId, approvedAt: r.approvedAt, approvedByName: r.approvedByName }]);
    return out;
  },
  async approve(db: DbOrTx, agreementId: string, orgIds: string[], approvedBy: string) {
    await db
      .insert(agreementApprovals)
      .values(orgIds.map((organizationId) => ({ agreementId, organizationId, approvedBy })))
      .onConflictDoNothing();
  },
  /** Parties that have not approved the agreement yet. */
  unapprovedParties: async (db: DbOrTx, agreementId: string) =>
    (
      await db
        .select({ id: agreementParties.organizationId })
        .from(agreementParties)
        .where(
          and(
            eq(agreementParties.agreementId, agreementId),
            sql`not exists (select 1 from ${agreementApprovals} x where x.agreement_id = ${agreementParties.agreementId} and x.organization_id = ${agreementParties.organizationId})`,
          ),
        )
    ).map((r) => r.id),
  clearApprovals: async (db: DbOrTx, agreementId: string) => {
    await db.delete(agreementApprovals).where(eq(agreementApprovals.agreementId, agreementId));
  },
  partyIds: async (db: DbOrTx, agreementId: string) =>
    (await db.select({ id: agreementParties.organizationId }).from(agreementParties).where(eq(agreementParties.agreementId, agreementId))).map((r) => r.id),
};
