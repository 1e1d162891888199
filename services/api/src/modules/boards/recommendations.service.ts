import type { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import {
  DEFAULT_RESPONSE_DAYS,
  IMPLEMENTING,
  RATIONALE_REQUIRED,
  addDays,
  answeredOnTime,
  canMoveRecommendation,
  isDecided,
  isRecommendationOverdue,
  type api,
  type EndpointOutput,
  type FieldError,
} from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { assertCoordinates } from './access';
import { boardsRepo, type BoardRow } from './repo';
import type { Notifier } from '../notifications';
import { meetingsRepo } from './meetings.repo';
import {
  recommendationsRepo,
  SWEEP_BATCH,
  type RecommendationRow,
  type RecommendationUpdateRow,
  type RecommendationWithNames,
} from './recommendations.repo';

type CreateBody = z.output<typeof api.createRecommendation.body>;
type UpdateBody = z.output<typeof api.updateRecommendation.body>;
type UpdateEntryBody = z.output<typeof api.addRecommendationUpdate.body>;
type Recommendation = EndpointOutput<typeof api.getRecommendation>;
type PublicPage = EndpointOutput<typeof api.getPublicBoard>;
type PublicRecommendation = PublicPage['recommendations'][number];

const FIELDS = [
  'title',
  'text',
  'topic',
  'meetingId',
  'motionId',
  'submittedOn',
  'addressedTo',
  'responseDue',
  'status',
  'response',
  'rationale',
  'followUps',
] as const;

/**
 * The meeting and motion a recommendation names must be this board's (a meeting or motion of
 * another board is the 422 of a random id: its coordinators may not be this board's), and a motion
 * named with its meeting must be of that meeting.
 */
const assertLinks = async (tx: DbOrTx, boardId: string, links: { meetingId: string | null; motionId: string | null }) => {
  const errors: FieldError[] = [];
  if (links.meetingId && !(await meetingsRepo.meeting(tx, boardId, links.meetingId))) errors.push({ path: 'body.meetingId', message: 'No such meeting of this board', code: 'unknown_reference' });
  if (links.motionId) {
    const motion = await meetingsRepo.motion(tx, boardId, links.motionId);
    if (!motion) errors.push({ path: 'body.motionId', message: 'No such motion of this board', code: 'unknown_reference' });
    else if (links.meetingId && !errors.length && motion.meetingId !== links.meetingId) errors.push({ path: 'body.motionId', message: 'Not a motion of that meeting', code: 'unknown_reference' });
  }
  if (errors.length) throw new AppError('reference_not_found', 'The meeting or motion named is not one of this board.', { errors });
};

/** Today's calendar date (UTC): responses are due by a date, and overdue from the day after. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

const iso = (d: Date) => d.toISOString();
const followUp = (f: { text: string; owner?: string | null; due?: string | null; done: boolean }) => ({
  text: f.text,
  owner: f.owner ?? null,
  due: f.due ?? null,
  done: f.done,
});
const blankToNull = (s: string | null | undefined) => (s == null ? s : s.trim() === '' ? null : s);

/** Overdue first (longest overdue first), then newest submitted first (the repo's order), stable. */
const overdueFirst = <T extends { overdue: boolean; responseDue: string }>(xs: T[]) =>
  xs
    .map((x, i) => ({ x, i }))
    .sort(
      (a, b) =>
        Number(b.x.overdue) - Number(a.x.overdue) || (a.x.overdue ? a.x.responseDue.localeCompare(b.x.responseDue) : 0) || a.i - b.i,
    )
    .map(({ x }) => x);

export const toRecommendation = (r: RecommendationWithNames, updates: RecommendationUpdateRow[], today: string): Recommendation => {
  const respondedAt = r.respondedAt ? iso(r.respondedAt) : null;
  return {
    id: r.id,
    boardId: r.boardId,
    title: r.title,
    text: r.text,
    topic: r.topic,
    meetingId: r.meetingId,
    motionId: r.motionId,
    submittedOn: r.submittedOn,
    addressedTo: r.addressedTo,
    responseDue: r.responseDue,
    status: r.status,
    response: r.response,
    rationale: r.rationale,
    respondedBy: r.respondedBy ? { id: r.respondedBy, name: r.respondedByName ?? '' } : null,
    respondedAt,
    answeredOnTime: answeredOnTime({ respondedAt, responseDue: r.responseDue }),
    overdue: isRecommendationOverdue(r, today),
    followUps: r.followUps.map(followUp),
    updates: updates.map((u) => ({ id: u.id, date: u.date, text: u.text, progress: u.progress, createdAt: iso(u.createdAt) })),
    progress: updates.length ? updates[updates.length - 1]!.progress : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    version: r.version,
  };
};

/** The public view: what was asked, decided and done, by day; no names (of members, responders or owners). */
const toPublic = (r: Recommendation): PublicRecommendation => ({
  id: r.id,
  title: r.title,
  text: r.text,
  topic: r.topic,
  addressedTo: r.addressedTo,
  status: r.status,
  submittedOn: r.submittedOn,
  responseDue: r.responseDue,
  respondedOn: r.respondedAt ? r.respondedAt.slice(0, 10) : null,
  answeredOnTime: r.answeredOnTime,
  overdue: r.overdue,
  response: r.response,
  rationale: r.rationale,
  progress: r.progress,
  updates: r.updates.map((u) => ({ date: u.date, text: u.text, progress: u.progress })),
});

/**
 * The rules a recommendation's resulting state must meet (400 validation_failed, nothing kept):
 * response due not before submission; a decision carries a response; partially or not adopted
 * carry a rationale.
 */
const checkState = (s: Pick<RecommendationRow, 'status' | 'response' | 'rationale' | 'submittedOn' | 'responseDue'>) => {
  const errors: FieldError[] = [];
  if (s.responseDue < s.submittedOn)
    errors.push({ path: 'body.responseDue', message: 'Must not be before submittedOn', code: 'invalid_value' });
  if (isDecided(s.status) && !s.response)
    errors.push({ path: 'body.response', message: 'A decision needs the response (what was decided)', code: 'required' });
  if (RATIONALE_REQUIRED.includes(s.status) && !s.rationale)
    errors.push({ path: 'body.rationale', message: 'Say why it was not adopted, or adopted only in part', code: 'required' });
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => e.message).join('; ') + '.', { errors });
};

/** Recommendations and the public "you said, we did" page (issue 26). */
export const createRecommendationsService = ({ db, today = todayUtc }: { db: Db; today?: () => string }) => {
  const board = async (actor: Actor, boardId: string): Promise<BoardRow> => {
    const b = await boardsRepo.one(db, boardId);
    if (!b) throw notFound('board');
    await assertCoordinates(db, actor, boardId);
    return b;
  };
  const all = async (boardId: string, status?: RecommendationRow['status']) => {
    const rows = await recommendationsRepo.list(db, boardId, status);
    const updates = await recommendationsRepo.updates(
      db,
      rows.map((r) => r.id),
    );
    const t = today();
    return overdueFirst(rows.map((r) => toRecommendation(r, updates.get(r.id) ?? [], t)));
  };
  const one = async (boardId: string, id: string) => {
    const r = await recommendationsRepo.one(db, boardId, id);
    if (!r) throw notFound('recommendation');
    return toRecommendation(r, (await recommendationsRepo.updates(db, [id])).get(id) ?? [], today());
  };
  /** Lock the board's row then the recommendation's, after the access check (404 to outsiders). */
  const lockBoth = async (tx: Parameters<Parameters<Db['transaction']>[0]>[0], ctx: Ctx, boardId: string, id: string) => {
    if (!(await boardsRepo.one(tx, boardId))) throw notFound('board');
    await assertCoordinates(tx, ctx.actor, boardId);
    const r = await recommendationsRepo.lock(tx, boardId, id);
    if (!r) throw notFound('recommendation');
    return r;
  };

  return {
    async list(actor: Actor, boardId: string, status?: RecommendationRow['status']) {
      await board(actor, boardId);
      const data = await all(boardId, status);
      return { data, overdueCount: data.filter((r) => r.overdue).length };
    },

    async get(actor: Actor, boardId: string, id: string) {
      await board(actor, boardId);
      return one(boardId, id);
    },

    async create(ctx: Ctx, boardId: string, input: CreateBody) {
      const submittedOn = input.submittedOn ?? today();
      const responseDue = input.responseDue ?? addDays(submittedOn, DEFAULT_RESPONSE_DAYS);
      const id = await db.transaction(async (tx) => {
        if (!(await boardsRepo.lock(tx, boardId))) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        checkState({ status: 'submitted', response: null, rationale: null, submittedOn, responseDue });
        await assertLinks(tx, boardId, { meetingId: input.meetingId ?? null, motionId: input.motionId ?? null });
        const row = await recommendationsRepo.insert(tx, {
          boardId,
          title: input.title,
          text: input.text,
          topic: input.topic,
          meetingId: input.meetingId ?? null,
          motionId: input.motionId ?? null,
          submittedOn,
          addressedTo: input.addressedTo,
          responseDue,
          followUps: input.followUps.map(followUp),
          createdBy: userIdOf(ctx.actor),
        });
        await recordAudit(tx, ctx, {
          action: 'board_recommendation.create',
          entityType: 'board_recommendation',
          entityId: row.id,
          changes: {
            boardId: { from: null, to: boardId },
            title: { from: null, to: row.title },
            responseDue: { from: null, to: row.responseDue },
          },
        });
        return row.id;
      });
      return one(boardId, id);
    },

    /**
     * Edits and responses. The status moves only along RECOMMENDATION_EDGES (409 otherwise); the
     * first decision stamps who responded and when (later edits of the response keep them).
     */
    async update(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, ...given } = input;
      await db.transaction(async (tx) => {
        const before = await lockBoth(tx, ctx, boardId, id);
        assertVersion(before.version, expected);
        const fields: Partial<RecommendationRow> = {};
        for (const k of FIELDS) if (k in given && given[k] !== undefined) (fields as Record<string, unknown>)[k] = given[k];
        if ('response' in given) fields.response = blankToNull(given.response) ?? null;
        if ('rationale' in given) fields.rationale = blankToNull(given.rationale) ?? null;
        if ('meetingId' in given) fields.meetingId = given.meetingId ?? null;
        if ('motionId' in given) fields.motionId = given.motionId ?? null;
        if (given.followUps) fields.followUps = given.followUps.map(followUp);
        const status = fields.status ?? before.status;
        if (!canMoveRecommendation(before.status, status))
          throw new AppError('invalid_transition', `A recommendation that is ${before.status} cannot become ${status}.`);
        const after = { ...before, ...fields };
        checkState(after);
        if ('meetingId' in fields || 'motionId' in fields) await assertLinks(tx, boardId, after);
        // jsonb keeps its own key order: compare follow-ups in ours, so the same list again is no change.
        const changes = diffFields({ ...before, followUps: before.followUps.map(followUp) } as Record<string, unknown>, fields, FIELDS);
        if (!Object.keys(changes).length) return;
        // A new due date may fall due again: its coordinators hear of it then.
        if ('responseDue' in changes) fields.overdueNotifiedAt = null;
        if (isDecided(status) && !before.respondedAt) {
          fields.respondedAt = new Date();
          fields.respondedBy = userIdOf(ctx.actor);
        }
        await recommendationsRepo.update(tx, id, fields);
        await recordAudit(tx, ctx, { action: 'board_recommendation.update', entityType: 'board_recommendation', entityId: id, changes });
      });
      return one(boardId, id);
    },

    /** Appends a dated progress update; progress may go down (a setback is reported as it is). */
    async addUpdate(ctx: Ctx, boardId: string, id: string, input: UpdateEntryBody) {
      const date = input.date ?? today();
      await db.transaction(async (tx) => {
        const r = await lockBoth(tx, ctx, boardId, id);
        if (!IMPLEMENTING.includes(r.status))
          throw new AppError('invalid_transition', `Implementation updates are for adopted recommendations; this one is ${r.status}.`);
        const errors: FieldError[] = [];
        if (date > today()) errors.push({ path: 'body.date', message: 'Not in the future', code: 'invalid_value' });
        if (date < r.submittedOn)
          errors.push({ path: 'body.date', message: 'Not before the recommendation was submitted', code: 'invalid_value' });
        if (errors.length) throw new AppError('validation_failed', `An update is dated between ${r.submittedOn} and today.`, { errors });
        const u = await recommendationsRepo.insertUpdate(tx, {
          recommendationId: id,
          date,
          text: input.text,
          progress: input.progress,
          createdBy: userIdOf(ctx.actor),
        });
        await recommendationsRepo.touch(tx, id);
        await recordAudit(tx, ctx, {
          action: 'board_recommendation.add_update',
          entityType: 'board_recommendation',
          entityId: id,
          changes: { progress: { from: null, to: u.progress }, date: { from: null, to: u.date } },
        });
      });
      return one(boardId, id);
    },

    /** "You said, we did" for a board the public may see (the caller checked it): no one's name. */
    async publicRecord(boardId: string): Promise<Pick<PublicPage, 'figures' | 'recommendations'>> {
      const [recs, members, meetings] = await Promise.all([all(boardId), recommendationsRepo.retention(db, boardId), meetingsRepo.heldFigures(db, boardId)]);
      const count = (p: (r: Recommendation) => boolean) => recs.filter(p).length;
      return {
        figures: {
          recommendationsMade: recs.length,
          answered: count((r) => r.respondedAt !== null),
          answeredOnTime: count((r) => r.answeredOnTime),
          overdue: count((r) => r.overdue),
          adopted: count((r) => r.status === 'adopted' || r.status === 'partially_adopted' || r.status === 'implemented'),
          notAdopted: count((r) => r.status === 'not_adopted'),
          implemented: count((r) => r.status === 'implemented'),
          membersSeated: members.seated,
          membersRetained: members.retained,
          memberRetention: members.seated ? Math.round((members.retained / members.seated) * 1000) / 1000 : null,
          // Counts only: no member is named. Present and remote attended; excused and absent did not.
          meetingsHeld: meetings.held,
          attendanceRate: meetings.attendanceRows ? Math.round((meetings.attended / meetings.attendanceRows) * 1000) / 1000 : null,
        },
        recommendations: recs.map(toPublic),
      };
    },
  };
};
export type RecommendationsService = ReturnType<typeof createRecommendationsService>;

/**
 * Tells the coordinators of every board about each recommendation whose response is overdue,
 * once per recommendation (again only if its due date is moved and passes). The worker runs it
 * with the referrals' overdue sweep, each minute.
 */
export const sweepOverdueRecommendations = async (db: Db, notifier: Notifier) => {
  const total = { recommendations: 0, notifications: 0 };
  for (let done = SWEEP_BATCH; done >= SWEEP_BATCH;) {
    const r = await recommendationsRepo.sweepOverdue(db, notifier);
    total.recommendations += r.recommendations;
    total.notifications += r.notifications;
    done = r.recommendations;
  }
  return total;
};
