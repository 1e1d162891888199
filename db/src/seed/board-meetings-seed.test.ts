import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { meetingMotionOutcome, quorumMet, type AttendanceStatus, type RecordedVoteChoice } from '@tandem/contract';
import { createDb, createPool, type Db } from '../client';
import { schema } from '../index';
import { createTestDatabase, newBoardRow, newMemberRow, type TestDatabase } from '../testing';
import { createContext } from './context';
import { REENTRY_BOARD, seedBoardMeetings } from './steps/board-meetings';
import { SEED_TEST_NOW } from './testing';

let tdb: TestDatabase;
let pool: pg.Pool;
let db: Db;
beforeAll(async () => {
  tdb = await createTestDatabase();
  pool = createPool(tdb.url, { max: 2 });
  db = createDb(pool);
});
afterAll(async () => {
  await pool.end();
  await tdb.drop();
});

const run = () => db.transaction((tx) => seedBoardMeetings(tx, createContext(SEED_TEST_NOW, () => undefined)));

describe('seedBoardMeetings', () => {
  it('does nothing without the reentry board', async () => {
    await run();
    expect(await db.select().from(schema.boardMeetings)).toEqual([]);
  });

  it('adds a year of monthly meetings with attendance, supports, motions (one blocked), two trainings and satisfaction checks', async () => {
    const board = await newBoardRow(db, { name: REENTRY_BOARD, status: 'active' });
    for (let i = 0; i < 11; i++) await newMemberRow(db, board.id, { name: `Member ${i + 1}`, seat: i + 1, termStart: '2025-06-01', termEnd: '2027-05-31' });
    await run();
    const meetings = await db.select().from(schema.boardMeetings).where(eq(schema.boardMeetings.boardId, board.id));
    const held = meetings.filter((m) => m.status === 'held');
    expect(held.length).toBeGreaterThanOrEqual(11);
    expect(meetings.some((m) => m.status === 'cancelled')).toBe(true);
    expect(meetings.some((m) => m.status === 'scheduled' && m.startsAt > SEED_TEST_NOW)).toBe(true);
    expect(held.every((m) => m.supports.length >= 2)).toBe(true);
    const attendance = await db.select().from(schema.boardMeetingAttendance);
    for (const m of held) expect(attendance.filter((a) => a.meetingId === m.id)).toHaveLength(11);
    const motions = await db.select().from(schema.boardMotions);
    const votes = await db.select().from(schema.boardVotes);
    const outcomes = motions.map((mo) => {
      const rows = attendance.filter((a) => a.meetingId === mo.meetingId) as { memberId: string; status: AttendanceStatus }[];
      expect(quorumMet(null, rows).met).toBe(true);
      return meetingMotionOutcome(mo.decision, null, rows, votes.filter((v) => v.motionId === mo.id) as { memberId: string; choice: RecordedVoteChoice }[]);
    });
    expect(outcomes.map((o) => o.outcome)).toContain('blocked');
    expect(outcomes.every((o) => !o.refused)).toBe(true);
    expect(motions.some((m) => m.decision === 'consensus') && motions.some((m) => m.decision === 'majority')).toBe(true);
    expect(await db.select().from(schema.boardTrainings)).toHaveLength(2);
    expect((await db.select().from(schema.boardSatisfaction)).length).toBeGreaterThan(20);
    // Run again: nothing added twice.
    await run();
    expect(await db.select().from(schema.boardMeetings)).toHaveLength(meetings.length);
  });
});
