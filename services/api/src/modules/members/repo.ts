import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { Role } from '@tandem/contract';

const { users, memberships, organizations, invitations } = schema;

const memberCols = {
  userId: users.id,
  organizationId: memberships.organizationId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  active: users.active,
  createdAt: memberships.createdAt,
};
export type MemberRow = { userId: string; organizationId: string; email: string; name: string; role: string; hasPassword: boolean; active: boolean; createdAt: Date };

export const membersRepo = {
  /** Members by name; `activeOnly`: people who can sign in (password set, account active). */
  async page(db: DbOrTx, orgId: string, limit: number, after?: [string, string], activeOnly = false) {
    return db
      .select(memberCols)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organizationId, orgId),
          activeOnly ? sql`${users.passwordHash} is not null and ${users.active}` : undefined,
          after ? sql`(lower(${users.name}), ${users.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`lower(${users.name})`, asc(users.id))
      .limit(limit + 1);
  },
  async one(db: DbOrTx, orgId: string, userId: string): Promise<MemberRow | undefined> {
    const [row] = await db
      .select(memberCols)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
    return row;
  },
  /** A person with an open invitation to the organization (not yet a member), as a member row would show them. */
  async invited(db: DbOrTx, orgId: string, userId: string) {
    const [row] = await db
      .select({ userId: users.id, organizationId: invitations.organizationId, email: users.email, name: users.name, role: invitations.role, createdAt: invitations.createdAt })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(and(eq(invitations.organizationId, orgId), eq(invitations.userId, userId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
      .orderBy(sql`${invitations.createdAt} desc`)
      .limit(1);
    return row;
  },
  /** Whether the organization runs the network (undefined: no such organization). */
  runsNetwork: async (db: DbOrTx, orgId: string) =>
    (await db.select({ runsNetwork: organizations.runsNetwork }).from(organizations).where(eq(organizations.id, orgId)))[0]?.runsNetwork,
  orgExists: async (db: DbOrTx, orgId: string) => (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId))).length > 0,
  findUserByEmail: async (db: DbOrTx, email: string) => (await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0],
  createUser: async (db: DbOrTx, row: typeof users.$inferInsert) => (await db.insert(users).values(row).returning())[0]!,
  // Callers run membership writes through changingAuth (lib/auth-cache.ts): a new role applies on the next request.
  addMembership: async (db: DbOrTx, userId: string, orgId: string, role: Role) =>
    (await db.insert(memberships).values({ userId, organizationId: orgId, role }).onConflictDoNothing().returning()).length > 0,
  setRole: async (db: DbOrTx, orgId: string, userId: string, role: Role) =>
    db.update(memberships).set({ role }).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId))),
  remove: async (db: DbOrTx, orgId: string, userId: string) =>
    (await db.delete(memberships).where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId))).returning()).length > 0,
  /** Org admins who can act: a deactivated admin administers nothing, so does not count. */
  countAdmins: async (db: DbOrTx, orgId: string) =>
    (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organizationId, orgId), eq(memberships.role, 'org_admin'), eq(users.active, true)))
    )[0]!.n,
  /**
   * Locks the organizations (in id order, so two callers cannot deadlock): two admins
   * deactivating each other at once must not both pass the "last admin" check.
   */
  lockOrgs: async (db: DbOrTx, orgIds: string[]) => {
    if (orgIds.length) await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, orgIds)).orderBy(organizations.id).for('update');
  },
  lockUser: async (db: DbOrTx, id: string) => (await db.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, id)).for('update'))[0],
  membershipsOf: async (db: DbOrTx, userId: string) =>
    db.select({ organizationId: memberships.organizationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId)),
  setActive: async (db: DbOrTx, id: string, active: boolean) => db.update(users).set({ active, updatedAt: sql`now()` }).where(eq(users.id, id)),
  /** Ends every session of the user (deactivation): the next request with one is 401. */
  deleteSessions: async (db: DbOrTx, userId: string) => db.delete(schema.sessions).where(eq(schema.sessions.userId, userId)),
  createInvitation: async (db: DbOrTx, row: typeof invitations.$inferInsert) => (await db.insert(invitations).values(row).returning())[0]!,
  hasOpenInvitation: async (db: DbOrTx, userId: string, orgId: string) =>
    (
      await db
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.userId, userId), eq(invitations.organizationId, orgId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    ).length > 0,

  /** Users with their memberships; `orgIds` limits to members of those organizations. */
  async users(db: DbOrTx, opts: { limit: number; after?: [string, string]; q?: string; orgIds?: string[]; id?: string }) {
    const scope = opts.orgIds
      ? inArray(users.id, db.select({ id: memberships.userId }).from(memberships).where(inArray(memberships.organizationId, opts.orgIds)))
      : undefined;
    const q = opts.q ? or(ilike(users.name, `%${opts.q}%`), ilike(users.email, `%${opts.q}%`)) : undefined;
    const after = opts.after ? sql`(lower(${users.name}), ${users.id}) > (${opts.after[0]}, ${opts.after[1]}::uuid)` : undefined;
    return db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        // An invited user cannot sign in until they set a password.
        active: sql<boolean>`${users.active} and ${users.passwordHash} is not null`,
        deactivated: sql<boolean>`not ${users.active}`,
        createdAt: users.createdAt,
        memberships: sql<{ organizationId: string; organizationName: string; role: Role }[]>`coalesce((select json_agg(json_build_object('organizationId', m.organization_id, 'organizationName', o.name, 'role', m.role) order by o.name) from memberships m join organizations o on o.id = m.organization_id where m.user_id = "users"."id"), '[]'::json)`,
      })
      .from(users)
      .where(and(scope, q, after, opts.id ? eq(users.id, opts.id) : undefined))
      .orderBy(sql`lower(${users.name})`, asc(users.id))
      .limit(opts.limit + 1);
  },
};
