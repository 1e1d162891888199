import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../client';
import * as schema from '../schema';

// Boards factories (boards, applications, reviews, members): each inserts one valid row and returns it.

export const newBoardRow = async (db: DbOrTx, over: Partial<typeof schema.boards.$inferInsert> = {}) =>
  (
    await db
      .insert(schema.boards)
      .values({ name: `Board ${randomBytes(3).toString('hex')}`, program: 'Reentry', purpose: 'Advise', seats: 11, termMonths: 24, meetingCadence: 'Monthly', status: 'recruiting', criteria: [{ key: 'lived', label: 'Lived experience', maxScore: 5 }], ...over })
      .returning()
  )[0]!;

export const newApplicationRow = async (db: DbOrTx, boardId: string, over: Partial<typeof schema.boardApplications.$inferInsert> = {}) =>
  (
    await db
      .insert(schema.boardApplications)
      .values({ boardId, reference: `B-${randomBytes(5).toString('hex').toUpperCase()}`, name: 'Rosa Díaz', phone: '(323) 555-0100', languages: ['es'], spa: 'spa6', ...over })
      .returning()
  )[0]!;

export const newReviewRow = async (db: DbOrTx, applicationId: string, reviewerUserId: string) =>
  (await db.insert(schema.boardReviews).values({ applicationId, reviewerUserId, scores: { lived: 3 } }).returning())[0]!;

export const newMemberRow = async (db: DbOrTx, boardId: string, over: Partial<typeof schema.boardMembers.$inferInsert> = {}) =>
  (await db.insert(schema.boardMembers).values({ boardId, name: 'Rosa Díaz', phone: '(323) 555-0100', termStart: '2027-01-01', termEnd: '2028-12-31', ...over }).returning())[0]!;

type AttendanceStatus = (typeof schema.boardMeetingAttendance.$inferInsert)['status'];
/** A meeting (held by default, in person) with its attendance, `[memberId, status]` each. */
export const newMeetingRow = async (db: DbOrTx, boardId: string, attendance: [string, AttendanceStatus][] = [], over: Partial<typeof schema.boardMeetings.$inferInsert> = {}) => {
  const m = (await db.insert(schema.boardMeetings).values({ boardId, startsAt: new Date('2026-03-05T01:00:00Z'), place: 'Library', status: 'held', ...over }).returning())[0]!;
  if (attendance.length) await db.insert(schema.boardMeetingAttendance).values(attendance.map(([memberId, status]) => ({ meetingId: m.id, memberId, status })));
  return m;
};

/** A motion of a meeting (no votes). */
export const newMotionRow = async (db: DbOrTx, meeting: { id: string; boardId: string }, over: Partial<typeof schema.boardMotions.$inferInsert> = {}) =>
  (await db.insert(schema.boardMotions).values({ boardId: meeting.boardId, meetingId: meeting.id, title: 'Adopt the recommendation', decision: 'consensus', ...over }).returning())[0]!;
