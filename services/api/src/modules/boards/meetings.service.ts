import type { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import { choiceAllowed, countsAsPresent, meetingMotionOutcome, quarterOf, quarterStart, quorumMet, satisfactionByQuarter, type api, type EndpointOutput } from '@tandem/contract';
import { AppError, notFound, type FieldErrorInput } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { assertCoordinates } from './access';
import { boardsRepo, type CharterRow } from './repo';
import { meetingsRepo, type AttendanceRow, type MeetingRow, type MotionRow, type SatisfactionRow, type TrainingRow } from './meetings.repo';

type CreateMeetingBody = z.output<typeof api.createMeeting.body>;
type UpdateMeetingBody = z.output<typeof api.updateMeeting.body>;
type AttendanceBody = z.output<typeof api.putMeetingAttendance.body>;
type CreateMotionBody = z.output<typeof api.createMotion.body>;
type VotesBody = z.output<typeof api.putMotionVotes.body>;
type CreateTrainingBody = z.output<typeof api.createTraining.body>;
type UpdateTrainingBody = z.output<typeof api.updateTraining.body>;
type SatisfactionBody = z.output<typeof api.createSatisfaction.body>;
type Meeting = EndpointOutput<typeof api.getMeeting>;
type Motion = EndpointOutput<typeof api.getMotion>;
type Training = EndpointOutput<typeof api.getTraining>;
type Satisfaction = EndpointOutput<typeof api.getSatisfaction>;

const MEETING_FIELDS = ['startsAt', 'endsAt', 'place', 'virtualUrl', 'agenda', 'materials', 'minutes', 'status', 'supports'] as const;
const TRAINING_FIELDS = ['topic', 'trainer', 'date'] as const;
const iso = (d: Date) => d.toISOString();

const unknownMembers = (ids: { id: string; path: string }[], known: Set<string>) => {
  const errors: FieldErrorInput[] = ids.filter((x) => !known.has(x.id)).map((x) => ({ path: x.path, message: 'No such member of this board', code: 'unknown_reference' }));
  if (errors.length) throw new AppError('reference_not_found', 'A member named is not a member of this board.', { errors });
};

/** The charter version in force at a moment: the newest published on or before it (none: no rule, a majority of the seated). */
export const charterInForce = (charters: CharterRow[], at: Date) => charters.filter((c) => c.createdAt <= at).sort((a, b) => b.number - a.number)[0] ?? null;

const audit = (tx: DbOrTx, ctx: Ctx, action: string, entityType: string, entityId: string, changes: Record<string, { from: unknown; to: unknown }> | null = null) =>
  recordAudit(tx, ctx, { action, entityType, entityId, changes });

/**
 * A board's meetings (attendance, supports, quorum), motions and votes, trainings and satisfaction
 * checks. Coordinators only (access.ts): anyone else gets the 404 of a random id.
 */
export const createMeetingsService = ({ db }: { db: Db }) => {
  /** The board exists and the caller coordinates it (404 otherwise, the same either way). */
  const board = async (tx: DbOrTx, actor: Actor, boardId: string) => {
    const b = await boardsRepo.one(tx, boardId);
    if (!b) throw notFound('board');
    await assertCoordinates(tx, actor, boardId);
    return b;
  };

  const quorumOf = (m: MeetingRow, attendance: AttendanceRow[], charters: CharterRow[]) => {
    const charter = charterInForce(charters, m.startsAt);
    const rule = charter?.quorumRule ?? null;
    const q = quorumMet(rule, attendance);
    return { met: q.met, present: q.present, needed: q.needed, seated: q.seated, rule, charterNumber: charter?.number ?? null };
  };

  const meetings = async (tx: DbOrTx, boardId: string, rows: MeetingRow[]): Promise<Meeting[]> => {
    const [att, charters] = await Promise.all([meetingsRepo.attendance(tx, rows.map((r) => r.id)), boardsRepo.charters(tx, boardId)]);
    return rows.map((m) => {
      const a = att.get(m.id) ?? [];
      return {
        id: m.id,
        boardId: m.boardId,
        startsAt: iso(m.startsAt),
        endsAt: m.endsAt ? iso(m.endsAt) : null,
        place: m.place,
        virtualUrl: m.virtualUrl,
        agenda: m.agenda,
        materials: m.materials,
        minutes: m.minutes,
        status: m.status,
        supports: m.supports,
        attendance: a,
        quorum: quorumOf(m, a, charters),
        createdAt: iso(m.createdAt),
        updatedAt: iso(m.updatedAt),
        version: m.version,
      };
    });
  };
  const meeting = async (boardId: string, id: string) => {
    const m = await meetingsRepo.meeting(db, boardId, id);
    if (!m) throw notFound('meeting');
    return (await meetings(db, boardId, [m]))[0]!;
  };

  const motions = async (boardId: string, meetingId?: string): Promise<Motion[]> => {
    const rows = await meetingsRepo.motions(db, { boardId, meetingId });
    const meetingIds = [...new Set(rows.map((r) => r.m.meetingId))];
    const [votes, att] = await Promise.all([meetingsRepo.votes(db, rows.map((r) => r.m.id)), meetingsRepo.attendance(db, meetingIds)]);
    const charters = await boardsRepo.charters(db, boardId);
    return rows.map(({ m, startsAt }) => toMotion(m, startsAt, votes.get(m.id) ?? [], att.get(m.meetingId) ?? [], charters));
  };
  const toMotion = (m: MotionRow, startsAt: Date, votes: Motion['votes'], attendance: AttendanceRow[], charters: CharterRow[]): Motion => {
    const r = meetingMotionOutcome(m.decision, charterInForce(charters, startsAt)?.quorumRule, attendance, votes);
    return {
      id: m.id,
      boardId: m.boardId,
      meetingId: m.meetingId,
      meetingStartsAt: iso(startsAt),
      title: m.title,
      text: m.text,
      decision: m.decision,
      votes,
      outcome: r.outcome,
      counts: r.counts,
      createdAt: iso(m.createdAt),
      updatedAt: iso(m.updatedAt),
      version: m.version,
    };
  };
  const motion = async (boardId: string, meetingId: string, id: string) => {
    const m = (await motions(boardId, meetingId)).find((x) => x.id === id);
    if (!m) throw notFound('motion');
    return m;
  };

  const trainings = async (rows: TrainingRow[]): Promise<Training[]> => {
    const att = await meetingsRepo.trainingAttendance(db, rows.map((r) => r.id));
    return rows.map((t) => ({ id: t.id, boardId: t.boardId, topic: t.topic, trainer: t.trainer, date: t.date, attendance: att.get(t.id) ?? [], createdAt: iso(t.createdAt), updatedAt: iso(t.updatedAt), version: t.version }));
  };
  const training = async (boardId: string, id: string) => {
    const t = await meetingsRepo.training(db, boardId, id);
    if (!t) throw notFound('training');
    return (await trainings([t]))[0]!;
  };

  const memberIdsOf = async (tx: DbOrTx, boardId: string) => new Set((await meetingsRepo.members(tx, boardId)).map((m) => m.id));
  const checkSupports = async (tx: DbOrTx, boardId: string, supports: CreateMeetingBody['supports'] | undefined) => {
    const named = (supports ?? []).flatMap((s, i) => (s.memberId ? [{ id: s.memberId, path: `body.supports.${i}.memberId` }] : []));
    if (named.length) unknownMembers(named, await memberIdsOf(tx, boardId));
  };
  const normalSupports = (supports: CreateMeetingBody['supports']) => supports.map((s) => ({ kind: s.kind, memberId: s.memberId ?? null, note: s.note ?? null }));

  return {
    // ---- meetings
    async listMeetings(actor: Actor, boardId: string, status?: MeetingRow['status']) {
      await board(db, actor, boardId);
      return { data: await meetings(db, boardId, await meetingsRepo.meetings(db, boardId, status)) };
    },

    async getMeeting(actor: Actor, boardId: string, id: string) {
      await board(db, actor, boardId);
      return meeting(boardId, id);
    },

    async createMeeting(ctx: Ctx, boardId: string, input: CreateMeetingBody) {
      const id = await db.transaction(async (tx) => {
        const b = await boardsRepo.lock(tx, boardId);
        if (!b) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        await checkSupports(tx, boardId, input.supports);
        const row = await meetingsRepo.insertMeeting(tx, {
          boardId,
          startsAt: new Date(input.startsAt),
          endsAt: input.endsAt ? new Date(input.endsAt) : null,
          place: input.place ?? null,
          virtualUrl: input.virtualUrl ?? null,
          agenda: input.agenda,
          materials: input.materials,
          minutes: input.minutes ?? null,
          status: input.status,
          supports: normalSupports(input.supports),
          createdBy: userIdOf(ctx.actor),
        });
        await audit(tx, ctx, 'board_meeting.create', 'board_meeting', row.id, { startsAt: { from: null, to: input.startsAt }, status: { from: null, to: input.status } });
        return row.id;
      });
      return meeting(boardId, id);
    },

    async updateMeeting(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: UpdateMeetingBody) {
      const { version: _v, ...fields } = input;
      await db.transaction(async (tx) => {
        await board(tx, ctx.actor, boardId);
        const before = await meetingsRepo.lockMeeting(tx, boardId, id);
        if (!before) throw notFound('meeting');
        assertVersion(before.version, expected);
        await checkSupports(tx, boardId, fields.supports);
        const { startsAt, endsAt, supports, ...rest } = fields;
        const set: Partial<MeetingRow> = {
          ...rest,
          ...(startsAt !== undefined ? { startsAt: new Date(startsAt) } : {}),
          ...(endsAt !== undefined ? { endsAt: endsAt ? new Date(endsAt) : null } : {}),
          ...(supports !== undefined ? { supports: normalSupports(supports) } : {}),
        };
        const after = { ...before, ...set };
        if (!after.place && !after.virtualUrl) throw new AppError('validation_failed', 'A meeting needs a place or a virtual link.', { errors: [{ path: 'body.place', message: 'A place or a virtual link (either is enough)' }] });
        if (after.endsAt && after.endsAt < after.startsAt!) throw new AppError('validation_failed', 'endsAt must not be before startsAt.', { errors: [{ path: 'body.endsAt', message: 'Before startsAt' }] });
        const asStored = { ...before, startsAt: iso(before.startsAt), endsAt: before.endsAt ? iso(before.endsAt) : null } as Record<string, unknown>;
        const changes = diffFields(asStored, { ...fields, ...(fields.startsAt ? { startsAt: iso(new Date(fields.startsAt)) } : {}), ...(fields.endsAt ? { endsAt: iso(new Date(fields.endsAt)) } : {}), ...(fields.supports ? { supports: set.supports } : {}) }, MEETING_FIELDS);
        if (!Object.keys(changes).length) return;
        await meetingsRepo.updateMeeting(tx, id, set);
        await audit(tx, ctx, 'board_meeting.update', 'board_meeting', id, changes);
      });
      return meeting(boardId, id);
    },

    /** The whole list, one row per member who has not left; all or nothing. */
    async putAttendance(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: AttendanceBody) {
      await db.transaction(async (tx) => {
        await board(tx, ctx.actor, boardId);
        const m = await meetingsRepo.lockMeeting(tx, boardId, id);
        if (!m) throw notFound('meeting');
        assertVersion(m.version, expected);
        if (m.status === 'cancelled') throw new AppError('invalid_transition', 'The meeting was cancelled: it has no attendance.');
        const members = await meetingsRepo.members(tx, boardId);
        unknownMembers(input.attendance.map((a, i) => ({ id: a.memberId, path: `body.attendance.${i}.memberId` })), new Set(members.map((x) => x.id)));
        const given = new Set(input.attendance.map((a) => a.memberId));
        const current = members.filter((x) => x.status !== 'ended');
        const missing = current.filter((x) => !given.has(x.id));
        if (missing.length) {
          throw new AppError('validation_failed', `Attendance needs one row per current member; missing: ${missing.map((x) => x.id).join(', ')}.`, {
            errors: missing.map((x) => ({ path: 'body.attendance', message: `No row for member ${x.id}` })),
          });
        }
        const ended = new Set(members.filter((x) => x.status === 'ended').map((x) => x.id));
        const endedRows = input.attendance.map((a, i) => ({ a, i })).filter(({ a }) => ended.has(a.memberId));
        if (endedRows.length) {
          throw new AppError('validation_failed', 'A member who has left the board is not on the attendance list.', { errors: endedRows.map(({ i }) => ({ path: `body.attendance.${i}.memberId`, message: 'Has left the board' })) });
        }
        const before = (await meetingsRepo.attendance(tx, [id])).get(id) ?? [];
        const key = (rows: { memberId: string; status: string }[]) => rows.map((r) => `${r.memberId}:${r.status}`).sort();
        if (key(before).join() === key(input.attendance).join()) return;
        await meetingsRepo.replaceAttendance(tx, id, input.attendance);
        await meetingsRepo.updateMeeting(tx, id, {});
        const tally = (rows: { status: string }[]) => Object.fromEntries(['present', 'remote', 'excused', 'absent'].map((s) => [s, rows.filter((r) => r.status === s).length]));
        await audit(tx, ctx, 'board_meeting.attendance', 'board_meeting', id, { attendance: { from: tally(before), to: tally(input.attendance) } });
      });
      return meeting(boardId, id);
    },

    // ---- motions
    async listMeetingMotions(actor: Actor, boardId: string, meetingId: string) {
      await board(db, actor, boardId);
      if (!(await meetingsRepo.meeting(db, boardId, meetingId))) throw notFound('meeting');
      return { data: await motions(boardId, meetingId) };
    },

    async listBoardMotions(actor: Actor, boardId: string) {
      await board(db, actor, boardId);
      return { data: await motions(boardId) };
    },

    async getMotion(actor: Actor, boardId: string, meetingId: string, id: string) {
      await board(db, actor, boardId);
      return motion(boardId, meetingId, id);
    },

    async createMotion(ctx: Ctx, boardId: string, meetingId: string, input: CreateMotionBody) {
      const id = await db.transaction(async (tx) => {
        await board(tx, ctx.actor, boardId);
        const m = await meetingsRepo.lockMeeting(tx, boardId, meetingId);
        if (!m) throw notFound('meeting');
        if (m.status === 'cancelled') throw new AppError('invalid_transition', 'The meeting was cancelled: no motion can be put to it.');
        const row = await meetingsRepo.insertMotion(tx, { boardId, meetingId, title: input.title, text: input.text ?? null, decision: input.decision, createdBy: userIdOf(ctx.actor) });
        await audit(tx, ctx, 'board_motion.create', 'board_motion', row.id, { decision: { from: null, to: input.decision } });
        return row.id;
      });
      return motion(boardId, meetingId, id);
    },

    /** Quorum first, then one vote per member present or remote, each a choice of the motion's rule; all or nothing. */
    async putVotes(ctx: Ctx, boardId: string, meetingId: string, id: string, expected: number | undefined, input: VotesBody) {
      await db.transaction(async (tx) => {
        await board(tx, ctx.actor, boardId);
        const m = await meetingsRepo.meeting(tx, boardId, meetingId);
        if (!m) throw notFound('meeting');
        const mo = await meetingsRepo.lockMotion(tx, meetingId, id);
        if (!mo) throw notFound('motion');
        assertVersion(mo.version, expected);
        if (m.status === 'cancelled') throw new AppError('invalid_transition', 'The meeting was cancelled: its motions are not voted.');
        const attendance = (await meetingsRepo.attendance(tx, [meetingId])).get(meetingId) ?? [];
        const q = quorumMet(charterInForce(await boardsRepo.charters(tx, boardId), m.startsAt)?.quorumRule, attendance);
        if (!q.met) throw new AppError('quorum_not_met', `The meeting does not have quorum: ${q.present} of ${q.seated} present or remote, ${q.needed} needed. Record the attendance first.`);
        const status = new Map(attendance.map((a) => [a.memberId, a.status]));
        const errors: FieldErrorInput[] = [];
        input.votes.forEach((v, i) => {
          const s = status.get(v.memberId);
          if (!s || !countsAsPresent(s)) errors.push({ path: `body.votes.${i}.memberId`, message: s ? `The member was ${s} at this meeting: only members present or remote vote` : 'Not on the meeting’s attendance list' });
          else if (!choiceAllowed(mo.decision, v.choice)) errors.push({ path: `body.votes.${i}.choice`, message: mo.decision === 'consensus' ? 'A consensus vote is agree, stand_aside or block' : 'A majority vote is yes, no or abstain' });
        });
        if (errors.length) throw new AppError('vote_not_allowed', 'A vote was refused: only members present or remote at the meeting vote, with a choice of the motion’s rule.', { errors });
        const before = (await meetingsRepo.votes(tx, [id])).get(id) ?? [];
        const key = (rows: { memberId: string; choice: string }[]) => rows.map((r) => `${r.memberId}:${r.choice}`).sort().join();
        if (key(before) === key(input.votes)) return;
        await meetingsRepo.replaceVotes(tx, id, input.votes);
        await meetingsRepo.touchMotion(tx, id);
        const tally = (rows: { choice: string }[]) => rows.reduce<Record<string, number>>((t, r) => ({ ...t, [r.choice]: (t[r.choice] ?? 0) + 1 }), {});
        await audit(tx, ctx, 'board_motion.votes', 'board_motion', id, { votes: { from: tally(before), to: tally(input.votes) } });
      });
      return motion(boardId, meetingId, id);
    },

    // ---- trainings
    async listTrainings(actor: Actor, boardId: string) {
      await board(db, actor, boardId);
      return { data: await trainings(await meetingsRepo.trainings(db, boardId)) };
    },

    async getTraining(actor: Actor, boardId: string, id: string) {
      await board(db, actor, boardId);
      return training(boardId, id);
    },

    async createTraining(ctx: Ctx, boardId: string, input: CreateTrainingBody) {
      const id = await db.transaction(async (tx) => {
        const b = await boardsRepo.lock(tx, boardId);
        if (!b) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        unknownMembers(input.attendance.map((a, i) => ({ id: a.memberId, path: `body.attendance.${i}.memberId` })), await memberIdsOf(tx, boardId));
        const row = await meetingsRepo.insertTraining(tx, { boardId, topic: input.topic, trainer: input.trainer, date: input.date });
        await meetingsRepo.replaceTrainingAttendance(tx, row.id, input.attendance);
        await audit(tx, ctx, 'board_training.create', 'board_training', row.id, { topic: { from: null, to: input.topic }, date: { from: null, to: input.date } });
        return row.id;
      });
      return training(boardId, id);
    },

    async updateTraining(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: UpdateTrainingBody) {
      const { version: _v, attendance, ...fields } = input;
      await db.transaction(async (tx) => {
        await board(tx, ctx.actor, boardId);
        const before = await meetingsRepo.lockTraining(tx, boardId, id);
        if (!before) throw notFound('training');
        assertVersion(before.version, expected);
        const changes = diffFields(before as Record<string, unknown>, fields, TRAINING_FIELDS);
        if (attendance) {
          unknownMembers(attendance.map((a, i) => ({ id: a.memberId, path: `body.attendance.${i}.memberId` })), await memberIdsOf(tx, boardId));
          const was = ((await meetingsRepo.trainingAttendance(tx, [id])).get(id) ?? []).map((a) => `${a.memberId}:${a.attended}`).sort();
          const now = attendance.map((a) => `${a.memberId}:${a.attended}`).sort();
          if (was.join() !== now.join()) changes.attendance = { from: was.length, to: now.length };
        }
        if (!Object.keys(changes).length) return;
        await meetingsRepo.updateTraining(tx, id, fields);
        if (attendance) await meetingsRepo.replaceTrainingAttendance(tx, id, attendance);
        await audit(tx, ctx, 'board_training.update', 'board_training', id, changes);
      });
      return training(boardId, id);
    },

    // ---- satisfaction
    async createSatisfaction(ctx: Ctx, boardId: string, input: SatisfactionBody): Promise<Satisfaction> {
      const row = await db.transaction(async (tx) => {
        const b = await boardsRepo.lock(tx, boardId);
        if (!b) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        unknownMembers([{ id: input.memberId, path: 'body.memberId' }], await memberIdsOf(tx, boardId));
        let date: string;
        if (input.meetingId) {
          const m = await meetingsRepo.meeting(tx, boardId, input.meetingId);
          if (!m) throw new AppError('reference_not_found', 'No such meeting of this board.', { errors: [{ path: 'body.meetingId', message: 'No such meeting', code: 'unknown_reference' }] });
          date = iso(m.startsAt).slice(0, 10);
        } else date = quarterStart(input.quarter!);
        const quarter = quarterOf(date);
        if (await meetingsRepo.existingSatisfaction(tx, input.memberId, input.meetingId ? { meetingId: input.meetingId } : { quarter })) {
          throw new AppError('already_exists', input.meetingId ? 'This member’s check for this meeting is already recorded.' : `This member’s check for ${quarter} is already recorded.`);
        }
        const r = await meetingsRepo.insertSatisfaction(tx, { boardId, memberId: input.memberId, meetingId: input.meetingId ?? null, quarter, date, heard: input.heard, used: input.used, comment: input.comment ?? null, recordedBy: userIdOf(ctx.actor) });
        await audit(tx, ctx, 'board_satisfaction.create', 'board_member', input.memberId, { heard: { from: null, to: input.heard }, used: { from: null, to: input.used } });
        return r;
      });
      return toSatisfaction(row);
    },

    async getSatisfaction(actor: Actor, boardId: string, id: string) {
      await board(db, actor, boardId);
      const r = await meetingsRepo.satisfaction(db, boardId, id);
      if (!r) throw notFound('satisfaction response');
      return toSatisfaction(r);
    },

    async satisfactionSummary(actor: Actor, boardId: string, q: { from?: string; to?: string }) {
      await board(db, actor, boardId);
      if (q.from && q.to && q.from > q.to) throw new AppError('validation_failed', 'from must not be after to.', { errors: [{ path: 'query.to', message: 'Before from' }] });
      const rows = await meetingsRepo.satisfactionList(db, boardId);
      const data = satisfactionByQuarter(rows, q);
      const n = data.reduce((s, x) => s + x.responses, 0);
      const avg = (k: 'heardAverage' | 'usedAverage') => (n ? Math.round((data.reduce((s, x) => s + x[k] * x.responses, 0) / n) * 100) / 100 : null);
      return { data, overall: { responses: n, heardAverage: avg('heardAverage'), usedAverage: avg('usedAverage') } };
    },
  };
};
export type MeetingsService = ReturnType<typeof createMeetingsService>;

const toSatisfaction = (r: SatisfactionRow): Satisfaction => ({
  id: r.id,
  boardId: r.boardId,
  memberId: r.memberId,
  meetingId: r.meetingId,
  quarter: r.quarter,
  date: r.date,
  heard: r.heard,
  used: r.used,
  comment: r.comment,
  createdAt: iso(r.createdAt),
});
