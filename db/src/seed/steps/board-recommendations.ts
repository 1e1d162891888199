import { and, asc, eq } from 'drizzle-orm';
import type { RecommendationStatus } from '@tandem/contract';
import type { Tx } from '../../client';
import { boardMeetings, boardMotions, boardRecommendations, boardRecommendationUpdates, boards, type FollowUpAction } from '../../schema';
import { dateFrom, daysFrom, SEED, type SeedContext } from '../context';
import { ACCOUNT_SPECS } from '../data/accounts';
import { createRng } from '../prng';
import { count } from './util';

/** The board another step creates; without it this step does nothing. */
export const REENTRY_BOARD_NAME = 'Reentry Health Advisory Board';

type Spec = {
  title: string;
  text: string;
  topic: string;
  addressedTo: string;
  status: RecommendationStatus;
  /** Days before now it was submitted; the response is due `dueDays` after (default 90). */
  submittedDaysAgo: number;
  dueDays?: number;
  /** Days after submission the response came (none while submitted or under review). */
  respondedAfter?: number;
  response?: string;
  rationale?: string;
  followUps?: (FollowUpAction & { dueInDays?: number })[];
  /** Implementation updates: days after submission, progress, what was done. */
  updates?: [afterDays: number, progress: number, text: string][];
  /** The title of the motion (the meetings step's) that made it, when that meeting came before the submission. */
  motion?: string;
};

const PROGRAM = 'Director, Reentry Health Program';
const SPECS: Spec[] = [
  {
    title: 'Peer navigators at release',
    text: 'Every person leaving county jail meets a peer navigator with lived experience before release, who stays with them through their first medical appointment.',
    topic: 'Care coordination',
    addressedTo: PROGRAM,
    status: 'implemented',
    submittedDaysAgo: 330,
    respondedAfter: 104,
    response:
      'Adopted: peer navigators now meet people in the release lobby of both jails, and walk with them to a first appointment within 7 days.',
    rationale:
      'Members showed that people who met a navigator kept their first appointment twice as often; the program funded four navigator positions.',
    followUps: [
      { text: 'Hire four peer navigators', owner: 'Reentry Health Program', due: null, done: true },
      { text: 'Agree on release-lobby access with the Sheriff', owner: 'Correctional Health', due: null, done: true },
    ],
    updates: [
      [130, 25, 'Four navigator positions approved; hiring started with members on the interview panel.'],
      [190, 60, 'Three navigators hired and trained; release-lobby visits began at one jail.'],
      [260, 100, 'Navigators in both release lobbies, seven days a week.'],
    ],
  },
  {
    title: 'A 30-day supply of medications at release',
    text: 'Give everyone leaving jail a 30-day supply of their medications and a prescription, not the 3 days given now.',
    topic: 'Medications',
    addressedTo: 'Chief Pharmacy Officer',
    status: 'adopted',
    submittedDaysAgo: 210,
    respondedAfter: 45,
    response: 'Adopted: a 30-day supply for chronic conditions and mental health medications, starting at the larger jail.',
    followUps: [{ text: 'Change the release pharmacy protocol', owner: 'Pharmacy', due: null, done: false, dueInDays: 30 }],
    updates: [
      [70, 20, 'Protocol drafted with pharmacy and reviewed with the board.'],
      [150, 55, 'Running at the larger jail; the second jail needs a pharmacy window first.'],
    ],
  },
  {
    title: 'Evening and weekend clinic hours for people on probation',
    motion: 'Recommend evening clinic hours two days a week',
    text: 'Open the reentry clinic two evenings a week and Saturday mornings, so people who start jobs do not have to choose between work and care.',
    topic: 'Access',
    addressedTo: PROGRAM,
    status: 'partially_adopted',
    submittedDaysAgo: 170,
    respondedAfter: 60,
    response: 'Partly adopted: two evenings a week from this spring; Saturday mornings are not possible this year.',
    rationale: 'The clinic cannot staff Saturdays under the current nursing contract; evenings were possible by shifting existing staff.',
    updates: [
      [90, 40, 'Tuesday evening clinic open.'],
      [120, 70, 'Thursday evening clinic open.'],
      [150, 60, 'Thursday evenings paused for a month while a nurse position is filled.'],
    ],
  },
  {
    title: 'Free bus passes for medical appointments',
    text: 'Give every reentry patient a monthly bus pass for their first six months home.',
    topic: 'Transportation',
    addressedTo: PROGRAM,
    status: 'not_adopted',
    submittedDaysAgo: 150,
    respondedAfter: 80,
    response:
      'Not adopted as proposed. Patients can get round-trip rides to appointments through their health plan, and navigators now book them.',
    rationale:
      'Bus passes are not an allowable cost for the program’s funding; the health plans’ transportation benefit covers rides to care at no cost.',
  },
  {
    title: 'Housing navigation in the first week home',
    text: 'Connect every person who leaves jail without stable housing to a housing navigator within their first week home.',
    topic: 'Housing',
    addressedTo: 'Director, Housing for Health',
    status: 'under_review',
    submittedDaysAgo: 55,
  },
  {
    title: 'Mental health check-in before release',
    text: 'Offer everyone a mental health check-in in the last week before release, with a warm handoff to community care.',
    topic: 'Mental health',
    addressedTo: 'Director, Correctional Health Services',
    // Overdue: no response, and the response was due 30 days ago.
    status: 'submitted',
    submittedDaysAgo: 120,
  },
  {
    title: 'Reentry resources in Spanish and Korean',
    text: 'Print the reentry resource guide and discharge papers in Spanish and Korean, and offer an interpreter at release.',
    topic: 'Language access',
    addressedTo: PROGRAM,
    status: 'submitted',
    submittedDaysAgo: 12,
  },
];

/**
 * The reentry board's recommendations (issue 26, "you said, we did"): one in every status, one
 * overdue (submitted 120 days ago, due 90 days after), responses with their reasons, and dated
 * implementation updates (one with a setback). Finds the board by name; does nothing without it.
 * Its ids come from its own random stream, so adding it changes no other step's rows.
 */
export const seedBoardRecommendations = async (tx: Tx, ctx: SeedContext) => {
  const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.name, REENTRY_BOARD_NAME));
  if (!board) {
    ctx.log(`board recommendations: no board named "${REENTRY_BOARD_NAME}", nothing seeded`);
    return;
  }
  const ids = createRng(`${SEED}:board-recommendations`);
  const coordinator = ACCOUNT_SPECS.find((a) => a.role === 'board_coordinator');
  const responder = coordinator ? (ctx.users.get(coordinator.email.toLowerCase()) ?? null) : null;
  // The meetings step's held meetings and motions (none without it): a recommendation names its
  // motion's meeting when that came first, else the last meeting held on or before its submission.
  const held = await tx.select({ id: boardMeetings.id, startsAt: boardMeetings.startsAt }).from(boardMeetings).where(and(eq(boardMeetings.boardId, board.id), eq(boardMeetings.status, 'held'))).orderBy(asc(boardMeetings.startsAt), asc(boardMeetings.id));
  const motions = await tx.select({ id: boardMotions.id, title: boardMotions.title, meetingId: boardMotions.meetingId }).from(boardMotions).where(eq(boardMotions.boardId, board.id)).orderBy(asc(boardMotions.id));
  const startsAt = new Map(held.map((m) => [m.id, m.startsAt]));
  const linksOf = (s: Spec, submitted: Date) => {
    const motion = motions.find((m) => m.title === s.motion);
    const motionAt = motion ? startsAt.get(motion.meetingId) : undefined;
    if (motion && motionAt && motionAt <= submitted) return { meetingId: motion.meetingId, motionId: motion.id };
    return { meetingId: held.filter((m) => m.startsAt <= submitted).at(-1)?.id ?? null, motionId: null };
  };
  const recs: (typeof boardRecommendations.$inferInsert)[] = [];
  const updates: (typeof boardRecommendationUpdates.$inferInsert)[] = [];
  for (const s of SPECS) {
    const id = ids.uuid();
    const submitted = -s.submittedDaysAgo;
    const respondedAt = s.respondedAfter === undefined ? null : daysFrom(ctx.now, submitted + s.respondedAfter);
    recs.push({
      id,
      boardId: board.id,
      title: s.title,
      text: s.text,
      topic: s.topic,
      ...linksOf(s, daysFrom(ctx.now, submitted)),
      addressedTo: s.addressedTo,
      submittedOn: dateFrom(ctx.now, submitted),
      responseDue: dateFrom(ctx.now, submitted + (s.dueDays ?? 90)),
      status: s.status,
      response: s.response ?? null,
      rationale: s.rationale ?? null,
      respondedAt,
      respondedBy: respondedAt ? responder : null,
      followUps: (s.followUps ?? []).map(({ dueInDays, ...f }) => ({
        ...f,
        due: dueInDays === undefined ? f.due : dateFrom(ctx.now, dueInDays),
      })),
      createdBy: responder,
      createdAt: daysFrom(ctx.now, submitted),
      updatedAt: respondedAt ?? daysFrom(ctx.now, submitted),
    });
    for (const [after, progress, text] of s.updates ?? []) {
      updates.push({
        id: ids.uuid(),
        recommendationId: id,
        date: dateFrom(ctx.now, submitted + after),
        text,
        progress,
        createdBy: responder,
        createdAt: daysFrom(ctx.now, submitted + after),
      });
    }
  }
  await tx.insert(boardRecommendations).values(recs);
  await tx.insert(boardRecommendationUpdates).values(updates);
  count(ctx, 'boardRecommendations', recs.length);
  count(ctx, 'boardRecommendationUpdates', updates.length);
};
