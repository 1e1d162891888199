import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { boards, boardCoordinators, boardCharters, boardCharterAcknowledgements, boardApplications, boardApplicationForms, boardReviews, boardMembers, users } = schema;
export type BoardRow = typeof boards.$inferSelect;
export type CharterRow = typeof boardCharters.$inferSelect;
export type ApplicationRow = typeof boardApplications.$inferSelect;
export type ReviewRow = typeof boardReviews.$inferSelect;
export type MemberRow = typeof boardMembers.$inferSelect;

const nameKey = sql`lower(${boards.name})`;
const first = <T>(rows: T[]) => rows[0];

/** SQL on this module's own tables only (users only for names, as every module shows them). */
export const boardsRepo = {
  // ---- boards
  async page(db: DbOrTx, f: { limit: number; coordinatorUserId?: string; status?: BoardRow['status']; after?: [string, string] }) {
    return db
      .select({ b: boards, key: sql<string>`${nameKey}` })
      .from(boards)
      .where(
        and(
          f.coordinatorUserId ? sql`exists (select 1 from ${boardCoordinators} c where c.board_id = ${boards.id} and c.user_id = ${f.coordinatorUserId}::uuid)` : undefined,
          f.status ? eq(boards.status, f.status) : undefined,
          f.after ? sql`(${nameKey}, ${boards.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(nameKey, boards.id)
      .limit(f.limit + 1);
  },
  one: async (db: DbOrTx, id: string) => first(await db.select().from(boards).where(eq(boards.id, id))),
  lock: async (db: DbOrTx, id: string) => first(await db.select().from(boards).where(eq(boards.id, id)).for('update')),
  insert: async (db: DbOrTx, row: typeof boards.$inferInsert) => (await db.insert(boards).values(row).returning())[0]!,
  update: async (db: DbOrTx, id: string, set: Partial<typeof boards.$inferInsert>) =>
    (await db.update(boards).set({ ...set, updatedAt: sql`now()`, version: sql`${boards.version} + 1` }).where(eq(boards.id, id)).returning())[0]!,
  isCoordinator: async (db: DbOrTx, boardId: string, userId: string) =>
    !!first(await db.select({ u: boardCoordinators.userId }).from(boardCoordinators).where(and(eq(boardCoordinators.boardId, boardId), eq(boardCoordinators.userId, userId)))),
  async coordinators(db: DbOrTx, boardIds: string[]) {
    const out = new Map<string, { id: string; name: string }[]>();
    if (!boardIds.length) return out;
    const rows = await db
      .select({ boardId: boardCoordinators.boardId, id: users.id, name: users.name })
      .from(boardCoordinators)
      .innerJoin(users, eq(users.id, boardCoordinators.userId))
      .where(inArray(boardCoordinators.boardId, boardIds))
      .orderBy(users.name, users.id);
    for (const r of rows) out.set(r.boardId, [...(out.get(r.boardId) ?? []), { id: r.id, name: r.name }]);
    return out;
  },
  async replaceCoordinators(db: DbOrTx, boardId: string, userIds: string[]) {
    await db.delete(boardCoordinators).where(eq(boardCoordinators.boardId, boardId));
    if (userIds.length) await db.insert(boardCoordinators).values(userIds.map((userId) => ({ boardId, userId })));
  },
  existingUserIds: async (db: DbOrTx, ids: string[]) =>
    new Set(ids.length ? (await db.select({ id: users.id }).from(users).where(inArray(users.id, ids))).map((r) => r.id) : []),

  // ---- charters
  charters: async (db: DbOrTx, boardId: string) => db.select().from(boardCharters).where(eq(boardCharters.boardId, boardId)).orderBy(desc(boardCharters.number)),
  charter: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardCharters).where(and(eq(boardCharters.boardId, boardId), eq(boardCharters.id, id)))),
  insertCharter: async (db: DbOrTx, row: typeof boardCharters.$inferInsert) => (await db.insert(boardCharters).values(row).returning())[0]!,
  async acknowledgements(db: DbOrTx, charterIds: string[]) {
    const out = new Map<string, { memberId: string; acknowledgedAt: Date }[]>();
    if (!charterIds.length) return out;
    const rows = await db.select().from(boardCharterAcknowledgements).where(inArray(boardCharterAcknowledgements.charterId, charterIds)).orderBy(boardCharterAcknowledgements.acknowledgedAt);
    for (const r of rows) out.set(r.charterId, [...(out.get(r.charterId) ?? []), { memberId: r.memberId, acknowledgedAt: r.acknowledgedAt }]);
    return out;
  },
  acknowledge: async (db: DbOrTx, charterId: string, memberId: string, recordedBy: string | null) =>
    (await db.insert(boardCharterAcknowledgements).values({ charterId, memberId, recordedBy }).onConflictDoNothing().returning()).length > 0,

  // ---- public application
  issueForm: async (db: DbOrTx, row: typeof boardApplicationForms.$inferInsert) => (await db.insert(boardApplicationForms).values(row).returning())[0]!,
  formsSince: async (db: DbOrTx, ipHash: string, seconds: number) =>
    Number(first(await db.select({ n: sql<number>`count(*)::int` }).from(boardApplicationForms).where(and(eq(boardApplicationForms.ipHash, ipHash), sql`${boardApplicationForms.issuedAt} > now() - make_interval(secs => ${seconds})`)))?.n ?? 0),
  applicationsSince: async (db: DbOrTx, ipHash: string, seconds: number) =>
    Number(first(await db.select({ n: sql<number>`count(*)::int` }).from(boardApplications).where(and(eq(boardApplications.ipHash, ipHash), sql`${boardApplications.createdAt} > now() - make_interval(secs => ${seconds})`)))?.n ?? 0),
  /** The token's age in seconds, locked (a token is used once); undefined if unknown, used, or another board's. */
  lockForm: async (db: DbOrTx, token: string, boardId: string) =>
    first(
      await db
        .select({ age: sql<number>`extract(epoch from now() - ${boardApplicationForms.issuedAt})::float8` })
        .from(boardApplicationForms)
        .where(and(eq(boardApplicationForms.token, token), eq(boardApplicationForms.boardId, boardId), sql`${boardApplicationForms.usedAt} is null`))
        .for('update'),
    ),
  useForm: async (db: DbOrTx, token: string) => {
    await db.update(boardApplicationForms).set({ usedAt: sql`now()` }).where(eq(boardApplicationForms.token, token));
  },
  insertApplication: async (db: DbOrTx, row: typeof boardApplications.$inferInsert) => (await db.insert(boardApplications).values(row).returning())[0]!,

  // ---- applications and reviews
  applications: async (db: DbOrTx, boardId: string, status?: ApplicationRow['status']) =>
    db.select().from(boardApplications).where(and(eq(boardApplications.boardId, boardId), status ? eq(boardApplications.status, status) : undefined)).orderBy(asc(boardApplications.createdAt), asc(boardApplications.id)),
  application: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardApplications).where(and(eq(boardApplications.boardId, boardId), eq(boardApplications.id, id)))),
  lockApplication: async (db: DbOrTx, boardId: string, id: string) =>
    first(await db.select().from(boardApplications).where(and(eq(boardApplications.boardId, boardId), eq(boardApplications.id, id))).for('update')),
  updateApplication: async (db: DbOrTx, id: string, set: Partial<typeof boardApplications.$inferInsert>) =>
    (await db.update(boardApplications).set({ ...set, updatedAt: sql`now()`, version: sql`${boardApplications.version} + 1` }).where(eq(boardApplications.id, id)).returning())[0]!,
  async reviews(db: DbOrTx, applicationIds: string[]) {
    const out = new Map<string, (ReviewRow & { reviewerName: string | null })[]>();
    if (!applicationIds.length) return out;
    const rows = await db
      .select({ r: boardReviews, reviewerName: users.name })
      .from(boardReviews)
      .leftJoin(users, eq(users.id, boardReviews.reviewerUserId))
      .where(inArray(boardReviews.applicationId, applicationIds))
      .orderBy(boardReviews.createdAt);
    for (const { r, reviewerName } of rows) out.set(r.applicationId, [...(out.get(r.applicationId) ?? []), { ...r, reviewerName }]);
    return out;
  },
  lockReview: async (db: DbOrTx, applicationId: string, userId: string) =>
    first(await db.select().from(boardReviews).where(and(eq(boardReviews.applicationId, applicationId), eq(boardReviews.reviewerUserId, userId))).for('update')),
  insertReview: async (db: DbOrTx, row: typeof boardReviews.$inferInsert) => (await db.insert(boardReviews).values(row).returning())[0]!,
  updateReview: async (db: DbOrTx, applicationId: string, userId: string, set: Partial<typeof boardReviews.$inferInsert>) =>
    (
      await db
        .update(boardReviews)
        .set({ ...set, updatedAt: sql`now()`, version: sql`${boardReviews.version} + 1` })
        .where(and(eq(boardReviews.applicationId, applicationId), eq(boardReviews.reviewerUserId, userId)))
        .returning()
    )[0]!,

  // ---- members
  members: async (db: DbOrTx, boardId: string) => db.select().from(boardMembers).where(eq(boardMembers.boardId, boardId)).orderBy(sql`${boardMembers.seat} nulls last`, boardMembers.name, boardMembers.id),
  member: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardMembers).where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.id, id)))),
  lockMember: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardMembers).where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.id, id))).for('update')),
  memberOfApplication: async (db: DbOrTx, applicationId: string) => first(await db.select().from(boardMembers).where(eq(boardMembers.applicationId, applicationId))),
  insertMember: async (db: DbOrTx, row: typeof boardMembers.$inferInsert) => (await db.insert(boardMembers).values(row).returning())[0]!,
  updateMember: async (db: DbOrTx, id: string, set: Partial<typeof boardMembers.$inferInsert>) =>
    (await db.update(boardMembers).set({ ...set, updatedAt: sql`now()`, version: sql`${boardMembers.version} + 1` }).where(eq(boardMembers.id, id)).returning())[0]!,
};
