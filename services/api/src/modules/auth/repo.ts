import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@tandem/db';
import { reuse, schema } from '@tandem/db';
import type { ApiScope, Role } from '@tandem/contract';

const { users, sessions, memberships, organizations, apiKeys, authFailures, invitations } = schema;

export interface SessionRow {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  memberships: { organizationId: string; role: Role }[];
}

/** Who an API key acts for, as the auth plugin reads it on each request. */
export interface KeyHolderRow {
  id: string;
  organizationId: string;
  scopes: ApiScope[];
  lastUsedAt: Date | null;
}

export const authRepo = {
  async findUserByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    return row;
  },
  async findUserById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },
  async membershipsOf(db: DbOrTx, userId: string) {
    return db
      .select({
        organizationId: memberships.organizationId,
        organizationName: organizations.name,
        organizationType: organizations.type,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(organizations.name);
  },
  async createSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async deleteSession(db: DbOrTx, id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  /** The session, its user and memberships in one round trip (runs on every signed-in request, so built and planned once). */
  async findActiveSession(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
    const query = reuse(db, 'auth.session', () =>
      db
        .select({
          sessionId: sessions.id,
          userId: sessions.userId,
          expiresAt: sessions.expiresAt,
          lastSeenAt: sessions.lastSeenAt,
          memberships: sql<{ organizationId: string; role: Role }[]>`coalesce((select json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role)) from memberships m where m.user_id = ${sessions.userId}), '[]'::json)`,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
        .prepare('auth_session'),
    );
    const [row] = await query.execute({ id });
    return row;
  },
  async touchSession(db: DbOrTx, id: string, expiresAt: Date) {
    await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, id));
  },
  async findApiKeyBySecretHash(db: DbOrTx, secretHash: string) {
    const query = reuse(db, 'auth.apiKey', () =>
      db
        .select({ id: apiKeys.id, organizationId: apiKeys.organizationId, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
        .from(apiKeys)
        .where(and(eq(apiKeys.secretHash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)))
        .prepare('auth_api_key'),
    );
    const [row] = await query.execute({ hash: secretHash });
    return row as KeyHolderRow | undefined;
  },
  async markApiKeyUsed(db: DbOrTx, id: string) {
    await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, id));
  },
  async recordAuthFailure(db: DbOrTx, emailHash: string, ip: string) {
    await db.insert(authFailures).values({ emailHash, ip });
  },
  async recentAuthFailures(db: DbOrTx, emailHash: string, ip: string, windowMinutes: number) {
    const [row] = await db
      .select({
        byEmail: sql<number>`count(*) filter (where ${authFailures.emailHash} = ${emailHash})::int`,
        byIp: sql<number>`count(*) filter (where ${authFailures.ip} = ${ip}::inet)::int`,
      })
      .from(authFailures)
      .where(and(gt(authFailures.at, sql`now() - make_interval(mins => ${windowMinutes})`), sql`(${authFailures.emailHash} = ${emailHash} or ${authFailures.ip} = ${ip}::inet)`));
    return row ?? { byEmail: 0, byIp: 0 };
  },
  async clearAuthFailures(db: DbOrTx, emailHash: string) {
    await db.delete(authFailures).where(eq(authFailures.emailHash, emailHash));
  },
  async findOpenInvitation(db: DbOrTx, tokenHash: string) {
    const [row] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
    return row;
  },
  /** Open invitations of a user to organizations they are not a member of yet, with the role they grant. */
  async openInvitationsOf(db: DbOrTx, userId: string, id?: string) {
    return db
      .select({
        id: invitations.id,
        organizationId: invitations.organizationId,
        organizationName: organizations.name,
        role: sql<Role>`${invitations.role}`,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .where(
        and(
          eq(invitations.userId, userId),
          id ? eq(invitations.id, id) : undefined,
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, sql`now()`),
          isNotNull(invitations.role),
          sql`not exists (select 1 from ${memberships} m where m.user_id = ${invitations.userId} and m.organization_id = ${invitations.organizationId})`,
        ),
      )
      .orderBy(invitations.createdAt, invitations.id);
  },
  async addMembership(db: DbOrTx, userId: string, organizationId: string, role: Role) {
    await db.insert(memberships).values({ userId, organizationId, role }).onConflictDoNothing();
  },
  async acceptInvitation(db: DbOrTx, id: string) {
    await db.update(invitations).set({ acceptedAt: sql`now()` }).where(eq(invitations.id, id));
  },
  async updateUser(db: DbOrTx, id: string, patch: Partial<typeof users.$inferInsert>) {
    const [row] = await db.update(users).set({ ...patch, updatedAt: sql`now()` }).where(eq(users.id, id)).returning();
    return row;
  },
};
