import { and, eq } from 'drizzle-orm';
import { laInstant, meetingMotionOutcome, quarterOf, quorumMet, type AttendanceStatus, type MotionDecision, type QuorumRule, type RecordedVoteChoice } from '@tandem/contract';
import type { Tx } from '../../client';
import { boardCharters, boardMeetingAttendance, boardMeetings, boardMembers, boardMotions, boards, boardSatisfaction, boardTrainingAttendance, boardTrainings, boardVotes } from '../../schema';
import { isoDate, SEED, type SeedContext } from '../context';
import { createRng } from '../prng';
import { count, insertAll } from './util';

/** The board another step creates; without it this step does nothing. */
export const REENTRY_BOARD = 'Reentry Health Advisory Board';

type MeetingRow = typeof boardMeetings.$inferInsert;
type Support = MeetingRow['supports'] extends (infer S)[] | undefined ? S : never;

const AGENDAS = [
  'Welcome and check-in; update from the reentry clinic; housing navigation after release; open floor.',
  'Medi-Cal enrollment before release: what members saw; evening clinic hours; stipend reminders.',
  'Peer navigators: how members want to be contacted; the pharmacy pick-up problem; next steps.',
  'Behavioral health walk-in hours; transportation to first appointments; review of last month’s recommendations.',
];
/** Motions over the year: which meeting (months ago), how decided, and how the room went. */
const MOTIONS: { monthsAgo: number; title: string; decision: MotionDecision; mood: 'agree' | 'block' | 'stand_aside' | 'split' }[] = [
  { monthsAgo: 10, title: 'Recommend evening clinic hours two days a week', decision: 'consensus', mood: 'agree' },
  { monthsAgo: 8, title: 'Recommend a peer navigator at every release appointment', decision: 'consensus', mood: 'stand_aside' },
  { monthsAgo: 6, title: 'Adopt the meeting norms proposed by the co-chairs', decision: 'majority', mood: 'agree' },
  { monthsAgo: 4, title: 'Recommend ending the ID requirement for walk-in visits', decision: 'consensus', mood: 'block' },
  { monthsAgo: 2, title: 'Hold two meetings a year in the evening at the community center', decision: 'majority', mood: 'split' },
];
const TRAININGS = [
  { monthsAgo: 11, topic: 'Orientation: how the health system makes decisions', trainer: 'Office of Patient Experience' },
  { monthsAgo: 5, topic: 'Reading a program budget', trainer: 'Finance office' },
];
const COMMENTS = ['They listened to us about the clinic hours.', 'I want to see what happens with our recommendation.', 'Good meeting; the interpreter helped.', 'We ran out of time for the open floor.', null, null, null];

/** The second Tuesday of the month `monthsAgo` before `now` (YYYY-MM-DD). */
const secondTuesday = (now: Date, monthsAgo: number) => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
  const firstTuesday = 1 + ((2 - d.getUTCDay() + 7) % 7);
  d.setUTCDate(firstTuesday + 7);
  return isoDate(d);
};

/**
 * A year of the reentry board's monthly meetings (issue 26): attendance (present, remote, excused,
 * absent), supports, motions with votes (one consensus motion blocked), two trainings and
 * satisfaction checks after meetings. Finds the board and its members by name; its own PRNG
 * streams, so it changes no other step's data wherever it runs.
 */
export const seedBoardMeetings = async (tx: Tx, ctx: SeedContext) => {
  const [board] = await tx.select().from(boards).where(eq(boards.name, REENTRY_BOARD));
  if (!board) {
    ctx.log(`seed: board-meetings: no board named "${REENTRY_BOARD}", nothing to do`);
    return;
  }
  const rng = createRng(`${SEED}:board-meetings`);
  const ids = createRng(`${SEED}:board-meetings:ids`);
  const members = await tx.select().from(boardMembers).where(eq(boardMembers.boardId, board.id));
  const charters = await tx.select().from(boardCharters).where(eq(boardCharters.boardId, board.id));
  if (!members.length) return;
  if ((await tx.select({ id: boardMeetings.id }).from(boardMeetings).where(and(eq(boardMeetings.boardId, board.id)))).length) return;
  const ruleAt = (at: Date): QuorumRule | null => charters.filter((c) => c.createdAt <= at).sort((a, b) => b.number - a.number)[0]?.quorumRule ?? null;
  /** Seated on a day: their term covers it and they had not left (a member who left is seated until the end of the term). */
  const seatedOn = (day: string) => {
    const s = members.filter((m) => m.termStart <= day && m.termEnd >= day && m.status !== 'ended');
    return s.length ? s : members.filter((m) => m.status !== 'ended');
  };

  const meetings: MeetingRow[] = [];
  const attendance: (typeof boardMeetingAttendance.$inferInsert)[] = [];
  const motions: (typeof boardMotions.$inferInsert)[] = [];
  const votes: (typeof boardVotes.$inferInsert)[] = [];
  const satisfaction: (typeof boardSatisfaction.$inferInsert)[] = [];
  const byMonth = new Map<number, { id: string; startsAt: Date; rows: { memberId: string; status: AttendanceStatus }[] }>();

  for (let monthsAgo = 12; monthsAgo >= -1; monthsAgo--) {
    const day = secondTuesday(ctx.now, monthsAgo);
    const startsAt = laInstant(day, '18:00');
    const past = startsAt < ctx.now;
    // The past December meeting (one of the twelve months before now), cancelled for the holidays.
    const cancelled = past && monthsAgo >= 1 && day.slice(5, 7) === '12';
    const id = ids.uuid();
    const virtual = monthsAgo % 4 === 1;
    const seated = seatedOn(day);
    const supports: Support[] = [{ kind: 'interpretation', memberId: null, note: 'Spanish' }, { kind: 'meals', memberId: null, note: null }];
    for (const m of rng.sample(seated, Math.min(2, seated.length))) supports.push({ kind: rng.pick(['childcare', 'transport'] as const), memberId: m.id, note: null });
    meetings.push({
      id,
      boardId: board.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      place: virtual ? null : 'Community room, reentry clinic, 1200 N State St, Los Angeles',
      virtualUrl: virtual ? 'https://meet.example.org/reentry-board' : null,
      agenda: rng.pick(AGENDAS),
      materials: [{ title: 'Slides', url: `https://example.org/reentry-board/${day}.pdf` }],
      minutes: past && !cancelled ? 'Members shared what they saw since the last meeting; the clinic answered questions. Motions and votes are recorded below.' : null,
      status: cancelled ? 'cancelled' : past ? 'held' : 'scheduled',
      supports: past && !cancelled ? supports : [],
      createdAt: new Date(startsAt.getTime() - 21 * 86_400_000),
      updatedAt: startsAt,
    });
    if (!past || cancelled) continue;
    const rows = seated.map((m) => ({ memberId: m.id, status: rng.weighted<AttendanceStatus>([['present', 70], ['remote', 12], ['excused', 10], ['absent', 8]]) }));
    // A meeting with a motion on its agenda made quorum (members were called the day before).
    if (MOTIONS.some((x) => x.monthsAgo === monthsAgo)) {
      for (const r of rows) if (!quorumMet(ruleAt(startsAt), rows).met && r.status !== 'present' && r.status !== 'remote') r.status = 'present';
    }
    attendance.push(...rows.map((r) => ({ meetingId: id, ...r })));
    byMonth.set(monthsAgo, { id, startsAt, rows });
    const came = rows.filter((r) => r.status === 'present' || r.status === 'remote');
    for (const r of rng.sample(came, Math.min(4, came.length))) {
      const heard = rng.int(3, 5);
      satisfaction.push({ id: ids.uuid(), boardId: board.id, memberId: r.memberId, meetingId: id, quarter: quarterOf(day), date: day, heard, used: Math.max(1, heard - rng.int(0, 2)), comment: rng.pick(COMMENTS), createdAt: new Date(startsAt.getTime() + 86_400_000) });
    }
  }

  for (const spec of MOTIONS) {
    const m = byMonth.get(spec.monthsAgo);
    if (!m || !quorumMet(ruleAt(m.startsAt), m.rows).met) continue;
    const id = ids.uuid();
    const voters = m.rows.filter((r) => r.status === 'present' || r.status === 'remote');
    const choiceOf = (i: number): RecordedVoteChoice => {
      if (spec.decision === 'majority') return spec.mood === 'split' ? (i % 2 === 0 ? 'yes' : i % 3 === 0 ? 'abstain' : 'no') : i === 0 ? 'abstain' : 'yes';
      if (spec.mood === 'block' && i === voters.length - 1) return 'block';
      if (spec.mood === 'stand_aside' && i < 2) return 'stand_aside';
      return 'agree';
    };
    const cast = voters.map((v, i) => ({ motionId: id, memberId: v.memberId, choice: choiceOf(i) }));
    motions.push({ id, boardId: board.id, meetingId: m.id, title: spec.title, decision: spec.decision, createdAt: m.startsAt, updatedAt: m.startsAt });
    votes.push(...cast);
    ctx.log(`seed: board-meetings: "${spec.title}" ${meetingMotionOutcome(spec.decision, ruleAt(m.startsAt), m.rows, cast).outcome}`);
  }

  const trainings: (typeof boardTrainings.$inferInsert)[] = [];
  const trainingAttendance: (typeof boardTrainingAttendance.$inferInsert)[] = [];
  for (const spec of TRAININGS) {
    const id = ids.uuid();
    const date = secondTuesday(ctx.now, spec.monthsAgo).replace(/-\d\d$/, '-20');
    trainings.push({ id, boardId: board.id, topic: spec.topic, trainer: spec.trainer, date });
    trainingAttendance.push(...seatedOn(date).map((m) => ({ trainingId: id, memberId: m.id, attended: rng.chance(0.8) })));
  }

  count(ctx, 'boardMeetings', await insertAll(tx, boardMeetings, meetings));
  await insertAll(tx, boardMeetingAttendance, attendance);
  count(ctx, 'boardMotions', await insertAll(tx, boardMotions, motions));
  await insertAll(tx, boardVotes, votes);
  count(ctx, 'boardTrainings', await insertAll(tx, boardTrainings, trainings));
  await insertAll(tx, boardTrainingAttendance, trainingAttendance);
  count(ctx, 'boardSatisfaction', await insertAll(tx, boardSatisfaction, satisfaction));
};
