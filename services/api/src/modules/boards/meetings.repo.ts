import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { boardMeetings, boardMeetingAttendance, boardMotions, boardVotes, boardTrainings, boardTrainingAttendance, boardSatisfaction, boardMembers } = schema;
export type MeetingRow = typeof boardMeetings.$inferSelect;
export type MotionRow = typeof boardMotions.$inferSelect;
export type TrainingRow = typeof boardTrainings.$inferSelect;
export type SatisfactionRow = typeof boardSatisfaction.$inferSelect;
export type AttendanceRow = { memberId: string; memberName: string; status: (typeof boardMeetingAttendance.$inferSelect)['status'] };

const first = <T>(rows: T[]) => rows[0];
const bump = <T extends { version: unknown; updatedAt: unknown }>(t: T) => ({ updatedAt: sql`now()`, version: sql`${t.version} + 1` });

/** SQL on the board-meetings tables (board_members only for names and the current list). */
export const meetingsRepo = {
  // ---- meetings
  meetings: async (db: DbOrTx, boardId: string, status?: MeetingRow['status']) =>
    db.select().from(boardMeetings).where(and(eq(boardMeetings.boardId, boardId), status ? eq(boardMeetings.status, status) : undefined)).orderBy(desc(boardMeetings.startsAt), desc(boardMeetings.id)),
  meeting: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardMeetings).where(and(eq(boardMeetings.boardId, boardId), eq(boardMeetings.id, id)))),
  lockMeeting: async (db: DbOrTx, boardId: string, id: string) =>
    first(await db.select().from(boardMeetings).where(and(eq(boardMeetings.boardId, boardId), eq(boardMeetings.id, id))).for('update')),
  insertMeeting: async (db: DbOrTx, row: typeof boardMeetings.$inferInsert) => (await db.insert(boardMeetings).values(row).returning())[0]!,
  updateMeeting: async (db: DbOrTx, id: string, set: Partial<typeof boardMeetings.$inferInsert>) =>
    (await db.update(boardMeetings).set({ ...set, ...bump(boardMeetings) }).where(eq(boardMeetings.id, id)).returning())[0]!,

  async attendance(db: DbOrTx, meetingIds: string[]) {
    const out = new Map<string, AttendanceRow[]>();
    if (!meetingIds.length) return out;
    const rows = await db
      .select({ meetingId: boardMeetingAttendance.meetingId, memberId: boardMeetingAttendance.memberId, memberName: boardMembers.name, status: boardMeetingAttendance.status })
      .from(boardMeetingAttendance)
      .innerJoin(boardMembers, eq(boardMembers.id, boardMeetingAttendance.memberId))
      .where(inArray(boardMeetingAttendance.meetingId, meetingIds))
      .orderBy(sql`${boardMembers.seat} nulls last`, boardMembers.name, boardMembers.id);
    for (const { meetingId, ...r } of rows) out.set(meetingId, [...(out.get(meetingId) ?? []), r]);
    return out;
  },
  async replaceAttendance(db: DbOrTx, meetingId: string, rows: { memberId: string; status: AttendanceRow['status'] }[]) {
    await db.delete(boardMeetingAttendance).where(eq(boardMeetingAttendance.meetingId, meetingId));
    if (rows.length) await db.insert(boardMeetingAttendance).values(rows.map((r) => ({ meetingId, ...r })));
  },
  /** The board's members: id, name, status (the attendance list is those not ended). */
  members: async (db: DbOrTx, boardId: string) =>
    db.select({ id: boardMembers.id, name: boardMembers.name, status: boardMembers.status }).from(boardMembers).where(eq(boardMembers.boardId, boardId)).orderBy(sql`${boardMembers.seat} nulls last`, boardMembers.name, boardMembers.id),

  /** Held meetings of the board, and their attendance rows: all of them, and those present or remote (the public figures). */
  async heldFigures(db: DbOrTx, boardId: string) {
    const [held] = await db.select({ n: sql<number>`count(*)::int` }).from(boardMeetings).where(and(eq(boardMeetings.boardId, boardId), eq(boardMeetings.status, 'held')));
    const [rows] = await db
      .select({ all: sql<number>`count(*)::int`, attended: sql<number>`count(*) filter (where ${boardMeetingAttendance.status} in ('present', 'remote'))::int` })
      .from(boardMeetingAttendance)
      .innerJoin(boardMeetings, eq(boardMeetings.id, boardMeetingAttendance.meetingId))
      .where(and(eq(boardMeetings.boardId, boardId), eq(boardMeetings.status, 'held')));
    return { held: held?.n ?? 0, attendanceRows: rows?.all ?? 0, attended: rows?.attended ?? 0 };
  },

  // ---- motions
  motions: async (db: DbOrTx, f: { boardId: string; meetingId?: string }) =>
    db
      .select({ m: boardMotions, startsAt: boardMeetings.startsAt })
      .from(boardMotions)
      .innerJoin(boardMeetings, eq(boardMeetings.id, boardMotions.meetingId))
      .where(and(eq(boardMotions.boardId, f.boardId), f.meetingId ? eq(boardMotions.meetingId, f.meetingId) : undefined))
      .orderBy(desc(boardMeetings.startsAt), asc(boardMotions.createdAt), asc(boardMotions.id)),
  motion: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardMotions).where(and(eq(boardMotions.boardId, boardId), eq(boardMotions.id, id)))),
  lockMotion: async (db: DbOrTx, meetingId: string, id: string) => first(await db.select().from(boardMotions).where(and(eq(boardMotions.meetingId, meetingId), eq(boardMotions.id, id))).for('update')),
  insertMotion: async (db: DbOrTx, row: typeof boardMotions.$inferInsert) => (await db.insert(boardMotions).values(row).returning())[0]!,
  touchMotion: async (db: DbOrTx, id: string) => {
    await db.update(boardMotions).set(bump(boardMotions)).where(eq(boardMotions.id, id));
  },
  async votes(db: DbOrTx, motionIds: string[]) {
    const out = new Map<string, { memberId: string; choice: (typeof boardVotes.$inferSelect)['choice'] }[]>();
    if (!motionIds.length) return out;
    const rows = await db.select().from(boardVotes).where(inArray(boardVotes.motionId, motionIds)).orderBy(boardVotes.memberId);
    for (const { motionId, ...r } of rows) out.set(motionId, [...(out.get(motionId) ?? []), r]);
    return out;
  },
  async replaceVotes(db: DbOrTx, motionId: string, rows: { memberId: string; choice: (typeof boardVotes.$inferSelect)['choice'] }[]) {
    await db.delete(boardVotes).where(eq(boardVotes.motionId, motionId));
    if (rows.length) await db.insert(boardVotes).values(rows.map((r) => ({ motionId, ...r })));
  },

  // ---- trainings
  trainings: async (db: DbOrTx, boardId: string) => db.select().from(boardTrainings).where(eq(boardTrainings.boardId, boardId)).orderBy(desc(boardTrainings.date), desc(boardTrainings.id)),
  training: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardTrainings).where(and(eq(boardTrainings.boardId, boardId), eq(boardTrainings.id, id)))),
  lockTraining: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardTrainings).where(and(eq(boardTrainings.boardId, boardId), eq(boardTrainings.id, id))).for('update')),
  insertTraining: async (db: DbOrTx, row: typeof boardTrainings.$inferInsert) => (await db.insert(boardTrainings).values(row).returning())[0]!,
  updateTraining: async (db: DbOrTx, id: string, set: Partial<typeof boardTrainings.$inferInsert>) => {
    await db.update(boardTrainings).set({ ...set, ...bump(boardTrainings) }).where(eq(boardTrainings.id, id));
  },
  async trainingAttendance(db: DbOrTx, trainingIds: string[]) {
    const out = new Map<string, { memberId: string; memberName: string; attended: boolean }[]>();
    if (!trainingIds.length) return out;
    const rows = await db
      .select({ trainingId: boardTrainingAttendance.trainingId, memberId: boardTrainingAttendance.memberId, memberName: boardMembers.name, attended: boardTrainingAttendance.attended })
      .from(boardTrainingAttendance)
      .innerJoin(boardMembers, eq(boardMembers.id, boardTrainingAttendance.memberId))
      .where(inArray(boardTrainingAttendance.trainingId, trainingIds))
      .orderBy(sql`${boardMembers.seat} nulls last`, boardMembers.name, boardMembers.id);
    for (const { trainingId, ...r } of rows) out.set(trainingId, [...(out.get(trainingId) ?? []), r]);
    return out;
  },
  async replaceTrainingAttendance(db: DbOrTx, trainingId: string, rows: { memberId: string; attended: boolean }[]) {
    await db.delete(boardTrainingAttendance).where(eq(boardTrainingAttendance.trainingId, trainingId));
    if (rows.length) await db.insert(boardTrainingAttendance).values(rows.map((r) => ({ trainingId, ...r })));
  },

  // ---- satisfaction
  satisfactionList: async (db: DbOrTx, boardId: string) => db.select().from(boardSatisfaction).where(eq(boardSatisfaction.boardId, boardId)).orderBy(boardSatisfaction.date),
  satisfaction: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(boardSatisfaction).where(and(eq(boardSatisfaction.boardId, boardId), eq(boardSatisfaction.id, id)))),
  existingSatisfaction: async (db: DbOrTx, memberId: string, key: { meetingId: string } | { quarter: string }) =>
    first(
      await db
        .select({ id: boardSatisfaction.id })
        .from(boardSatisfaction)
        .where(and(eq(boardSatisfaction.memberId, memberId), 'meetingId' in key ? eq(boardSatisfaction.meetingId, key.meetingId) : and(sql`${boardSatisfaction.meetingId} is null`, eq(boardSatisfaction.quarter, key.quarter)))),
    ),
  insertSatisfaction: async (db: DbOrTx, row: typeof boardSatisfaction.$inferInsert) => (await db.insert(boardSatisfaction).values(row).returning())[0]!,
};
