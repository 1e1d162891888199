import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';
import type { Notifier } from '../notifications';
import { activeUsersWithRole } from '../members';

const { boardRecommendations, boardRecommendationUpdates, boardMembers, boardCoordinators, boards, users } = schema;

/** Recommendations the overdue sweep takes per statement. */
export const SWEEP_BATCH = 200;
export type RecommendationRow = typeof boardRecommendations.$inferSelect;
export type RecommendationUpdateRow = typeof boardRecommendationUpdates.$inferSelect;
export type RecommendationWithNames = RecommendationRow & { respondedByName: string | null };

const first = <T>(rows: T[]) => rows[0];

/** SQL on the recommendations' own tables (users only for the responder's name; members only counted). */
export const recommendationsRepo = {
  async list(db: DbOrTx, boardId: string, status?: RecommendationRow['status']): Promise<RecommendationWithNames[]> {
    const rows = await db
      .select({ r: boardRecommendations, respondedByName: users.name })
      .from(boardRecommendations)
      .leftJoin(users, eq(users.id, boardRecommendations.respondedBy))
      .where(and(eq(boardRecommendations.boardId, boardId), status ? eq(boardRecommendations.status, status) : undefined))
      .orderBy(desc(boardRecommendations.submittedOn), desc(boardRecommendations.createdAt), asc(boardRecommendations.id));
    return rows.map(({ r, respondedByName }) => ({ ...r, respondedByName }));
  },
  async one(db: DbOrTx, boardId: string, id: string): Promise<RecommendationWithNames | undefined> {
    const row = first(
      await db
        .select({ r: boardRecommendations, respondedByName: users.name })
        .from(boardRecommendations)
        .leftJoin(users, eq(users.id, boardRecommendations.respondedBy))
        .where(and(eq(boardRecommendations.boardId, boardId), eq(boardRecommendations.id, id))),
    );
    return row && { ...row.r, respondedByName: row.respondedByName };
  },
  lock: async (db: DbOrTx, boardId: string, id: string) =>
    first(
      await db
        .select()
        .from(boardRecommendations)
        .where(and(eq(boardRecommendations.boardId, boardId), eq(boardRecommendations.id, id)))
        .for('update'),
    ),
  insert: async (db: DbOrTx, row: typeof boardRecommendations.$inferInsert) =>
    (await db.insert(boardRecommendations).values(row).returning())[0]!,
  update: async (db: DbOrTx, id: string, set: Partial<typeof boardRecommendations.$inferInsert>) =>
    (
      await db
        .update(boardRecommendations)
        .set({ ...set, updatedAt: sql`now()`, version: sql`${boardRecommendations.version} + 1` })
        .where(eq(boardRecommendations.id, id))
        .returning()
    )[0]!,
  /** An update bumps the recommendation's version too: its representation (progress, timeline) changed. */
  touch: async (db: DbOrTx, id: string) => {
    await db
      .update(boardRecommendations)
      .set({ updatedAt: sql`now()`, version: sql`${boardRecommendations.version} + 1` })
      .where(eq(boardRecommendations.id, id));
  },

  async updates(db: DbOrTx, recommendationIds: string[]) {
    const out = new Map<string, RecommendationUpdateRow[]>();
    if (!recommendationIds.length) return out;
    const rows = await db
      .select()
      .from(boardRecommendationUpdates)
      .where(inArray(boardRecommendationUpdates.recommendationId, recommendationIds))
      .orderBy(asc(boardRecommendationUpdates.date), asc(boardRecommendationUpdates.createdAt), asc(boardRecommendationUpdates.id));
    for (const r of rows) out.set(r.recommendationId, [...(out.get(r.recommendationId) ?? []), r]);
    return out;
  },
  insertUpdate: async (db: DbOrTx, row: typeof boardRecommendationUpdates.$inferInsert) =>
    (await db.insert(boardRecommendationUpdates).values(row).returning())[0]!,

  /**
   * One batch of the overdue sweep: recommendations still awaiting a response after their due
   * date (UTC calendar day, as the API computes `overdue`) and not yet notified are marked, and
   * their board's coordinators told (users named on the board and every active board_coordinator).
   * `skip locked` keeps two sweeps from telling anyone twice.
   */
  async sweepOverdue(db: DbOrTx, notifier: Notifier): Promise<{ recommendations: number; notifications: number }> {
    const res = await db.execute<{ recommendations: number; notifications: number }>(sql`
      with pick as (
        select r.id from ${boardRecommendations} r
        where r.status in ('submitted', 'under_review') and r.overdue_notified_at is null and r.response_due < (now() at time zone 'UTC')::date
        order by r.response_due, r.id
        limit ${SWEEP_BATCH} for update skip locked
      ),
      due as (
        update ${boardRecommendations} u set overdue_notified_at = now() from pick where u.id = pick.id
        returning u.id, u.board_id, u.title, u.response_due
      ),
      recipients as (
        select d.id, c.user_id, d.board_id from due d join ${boardCoordinators} c on c.board_id = d.board_id
        union
        select d.id, r.user_id, d.board_id from due d cross join (${activeUsersWithRole('board_coordinator')}) r
      ),
      ins as (
        ${notifier.insert(
          'board.recommendation_overdue',
          'board_recommendation',
          sql`select x.user_id, x.id as entity_id, 'Response overdue: ' || d.title || ' · ' || b.name as title, jsonb_build_object('boardId', x.board_id::text, 'board', b.name) as data
                from recipients x join due d on d.id = x.id join ${boards} b on b.id = x.board_id join ${users} us on us.id = x.user_id and us.active`,
        )}
        returning 1
      )
      select (select count(*)::int from due) as recommendations, (select count(*)::int from ins) as notifications`);
    return res.rows[0] ?? { recommendations: 0, notifications: 0 };
  },

  /** Member retention: seated members who are serving (active, on leave) or completed their term. Counts only. */
  retention: async (db: DbOrTx, boardId: string) =>
    first(
      await db
        .select({
          seated: sql<number>`count(*)::int`,
          retained: sql<number>`(count(*) filter (where ${boardMembers.status} in ('active', 'on_leave') or ${boardMembers.exitReason} = 'term_completed'))::int`,
        })
        .from(boardMembers)
        .where(eq(boardMembers.boardId, boardId)),
    ) ?? { seated: 0, retained: 0 },
};
