import { and, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@tandem/db';
import { reuse, schema } from '@tandem/db';
import type { Role } from '@tandem/contract';
import type { KeyHolderRow, SessionRow } from '../../plugins/auth';

const { users, sessions, memberships, organizations, apiKeys, loginThrottles, invitations, passwordResetTokens } = schema;

export type ThrottleRow = typeof loginThrottles.$inferSelect;

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const textArray = (xs: string[]) => sql`array[${sql.join(
  xs.map((x) => sql`${x}`),
  sql`, `,
)}]::text[]`;

export const authRepo = {
  async findUserByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    return row;
  },
  async findUserById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },
  /** Named coordinator of some advisory board (the boards module's table, read for the nav). */
  coordinatesBoards: async (db: DbOrTx, userId: string) =>
    (await db.select({ u: schema.boardCoordinators.userId }).from(schema.boardCoordinators).where(eq(schema.boardCoordinators.userId, userId)).limit(1)).length > 0,
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
  /** Creates missing throttle rows (in key order, like every lock on them, so no deadlock). */
  async ensureThrottleRows(db: DbOrTx, keys: string[], at: Date) {
    await db.execute(sql`insert into ${loginThrottles} (key, window_start)
      select k, ${ts(at)} from unnest(${textArray(keys)}) as k order by k
      on conflict do nothing`);
  },
  /** Locks the rows until the transaction ends, always in key order. */
  async lockThrottleRows(tx: DbOrTx, keys: string[]): Promise<ThrottleRow[]> {
    return tx.select().from(loginThrottles).where(inArray(loginThrottles.key, keys)).orderBy(loginThrottles.key).for('update');
  },
  async saveThrottleRows(tx: DbOrTx, rows: ThrottleRow[]) {
    const values = sql.join(
      rows.map((r) => sql`(${r.key}, ${r.failures}::int, ${ts(r.windowStart)}, ${r.blockedUntil ? ts(r.blockedUntil) : sql`null::timestamptz`})`),
      sql`, `,
    );
    await tx.execute(sql`update ${loginThrottles} as l
      set failures = v.failures, window_start = v.window_start, blocked_until = v.blocked_until
      from (values ${values}) as v(key, failures, window_start, blocked_until)
      where l.key = v.key`);
  },
  /** A right password: the pair starts afresh and is remembered; the other keys get this attempt back. */
  async settleThrottleSuccess(db: Db, pairKey: string, refundKeys: string[], at: Date) {
    const keys = [pairKey, ...refundKeys];
    await db.transaction(async (tx) => {
      // Lock in key order first, like begin() does: one UPDATE could lock them in any order.
      await authRepo.lockThrottleRows(tx, keys);
      await tx.execute(sql`update ${loginThrottles} set
        failures = case when key = ${pairKey} then 0 else greatest(failures - 1, 0) end,
        window_start = case when key = ${pairKey} then ${ts(at)} else window_start end,
        blocked_until = case when key = ${pairKey} then null else blocked_until end,
        last_success_at = case when key = ${pairKey} then ${ts(at)} else last_success_at end
      where key = any(${textArray(keys)})`);
    });
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
  /** Password reset links made for the account since `since` (the per-account limit). */
  async countResetTokensSince(db: DbOrTx, userId: string, since: Date) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, ts(since))));
    return row?.n ?? 0;
  },
  async createResetToken(db: DbOrTx, row: typeof passwordResetTokens.$inferInsert) {
    const [created] = await db.insert(passwordResetTokens).values(row).returning({ id: passwordResetTokens.id });
    return created!.id;
  },
  /** The token by its hash, locked: two confirms of one token are one after the other, and the second finds it used. */
  async lockResetToken(db: DbOrTx, tokenHash: string) {
    const [row] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.tokenHash, tokenHash)).for('update');
    return row;
  },
  async useResetToken(db: DbOrTx, id: string) {
    await db.update(passwordResetTokens).set({ usedAt: sql`now()` }).where(eq(passwordResetTokens.id, id));
  },
  /** Every session of the user (a password reset ends them all). */
  async deleteSessionsOf(db: DbOrTx, userId: string) {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  /**
   * One more reset request from this address in its hour (a login_throttles row keyed `reset:<address>`,
   * shared by every API process); answers the count in the window and when the window started.
   */
  async countResetRequest(db: DbOrTx, key: string, at: Date) {
    const r = await db.execute<{ failures: number; window_start: string }>(sql`insert into ${loginThrottles} as l (key, failures, window_start) values (${key}, 1, ${ts(at)})
      on conflict (key) do update set
        failures = case when l.window_start <= ${ts(at)} - interval '1 hour' then 1 else l.failures + 1 end,
        window_start = case when l.window_start <= ${ts(at)} - interval '1 hour' then ${ts(at)} else l.window_start end
      returning failures, window_start::text`);
    return { count: r.rows[0]!.failures, windowStart: new Date(r.rows[0]!.window_start) };
  },
};
