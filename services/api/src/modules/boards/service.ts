import { z } from 'zod';
import type { Db, DbOrTx } from '@tandem/db';
import type { api, EndpointOutput } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { decodeCursor, toPage } from '../../lib/pagination';
import { assertCoordinates, coordinatesAll } from './access';
import { toBoard, toCharter, toMember } from './mappers';
import { boardsRepo, type BoardRow } from './repo';

type ListQuery = z.output<typeof api.listBoards.query>;
type CreateBody = z.output<typeof api.createBoard.body>;
type UpdateBody = z.output<typeof api.updateBoard.body>;
type CharterBody = z.output<typeof api.createCharter.body>;
type CreateMemberBody = z.output<typeof api.createBoardMember.body>;
type UpdateMemberBody = z.output<typeof api.updateBoardMember.body>;
type Board = EndpointOutput<typeof api.getBoard>;

const BoardCursor = z.tuple([z.string(), z.uuid()]);
const FIELDS = ['name', 'program', 'purpose', 'seats', 'termMonths', 'meetingCadence', 'status', 'questions', 'criteria'] as const;
const MEMBER_FIELDS = ['seat', 'role', 'termEnd', 'status', 'renewals', 'exitReason'] as const;

const assertUsersExist = async (db: DbOrTx, ids: string[]) => {
  const found = await boardsRepo.existingUserIds(db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError('reference_not_found', `No user with id ${missing.join(', ')}.`, {
      errors: missing.map((id) => ({ path: `body.coordinatorUserIds.${ids.indexOf(id)}`, message: 'No such user', code: 'unknown_reference' as const })),
    });
  }
};

/** termStart + months, as YYYY-MM-DD (the last day of the term is the day before). */
export const termEndOf = (start: string, months: number) => {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const audit = (tx: DbOrTx, ctx: Ctx, action: string, entityType: string, entityId: string, changes: Record<string, { from: unknown; to: unknown }> | null = null) =>
  recordAudit(tx, ctx, { action, entityType, entityId, changes });

/** Boards, their charters and members. Every read and write is the board's coordinators' (access.ts). */
export const createBoardsService = ({ db }: { db: Db }) => {
  const withCoordinators = async (rows: BoardRow[]) => {
    const c = await boardsRepo.coordinators(db, rows.map((r) => r.id));
    return rows.map((r) => toBoard(r, c.get(r.id) ?? []));
  };
  const get = async (actor: Actor, id: string): Promise<Board> => {
    const row = await boardsRepo.one(db, id);
    if (!row) throw notFound('board');
    await assertCoordinates(db, actor, id);
    return (await withCoordinators([row]))[0]!;
  };
  const currentCharterAcks = async (boardId: string) => {
    const [current] = await boardsRepo.charters(db, boardId);
    if (!current) return new Set<string>();
    return new Set((await boardsRepo.acknowledgements(db, [current.id])).get(current.id)?.map((a) => a.memberId) ?? []);
  };
  const charters = async (boardId: string) => {
    const rows = await boardsRepo.charters(db, boardId);
    const [acks, members] = await Promise.all([boardsRepo.acknowledgements(db, rows.map((r) => r.id)), boardsRepo.members(db, boardId)]);
    const active = members.filter((m) => m.status !== 'ended').map((m) => m.id);
    return rows.map((r) => toCharter(r, acks.get(r.id) ?? [], active));
  };
  const member = async (boardId: string, id: string) => {
    const row = await boardsRepo.member(db, boardId, id);
    if (!row) throw notFound('member');
    return toMember(row, (await currentCharterAcks(boardId)).has(row.id));
  };

  return {
    async list(actor: Actor, q: ListQuery) {
      // A user named on some boards sees those; anyone else sees none (never a 403: a list is empty).
      const rows = await boardsRepo.page(db, {
        limit: q.limit,
        status: q.status,
        coordinatorUserId: coordinatesAll(actor) ? undefined : (userIdOf(actor) ?? '00000000-0000-0000-0000-000000000000'),
        after: decodeCursor(q.cursor, BoardCursor),
      });
      const page = toPage(rows, q.limit, (r) => [r.key, r.b.id]);
      return { data: await withCoordinators(page.data.map((r) => r.b)), nextCursor: page.nextCursor };
    },

    get,

    async create(ctx: Ctx, input: CreateBody) {
      const { coordinatorUserIds, ...fields } = input;
      const id = await db.transaction(async (tx) => {
        await assertUsersExist(tx, coordinatorUserIds);
        const row = await boardsRepo.insert(tx, { ...fields, createdBy: userIdOf(ctx.actor) });
        await boardsRepo.replaceCoordinators(tx, row.id, coordinatorUserIds);
        await audit(tx, ctx, 'board.create', 'board', row.id, diffFields({} as Record<string, unknown>, { ...fields, coordinatorUserIds }, [...FIELDS, 'coordinatorUserIds']));
        return row.id;
      });
      return get(ctx.actor, id);
    },

    async update(ctx: Ctx, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, coordinatorUserIds, ...fields } = input;
      await db.transaction(async (tx) => {
        const before = await boardsRepo.lock(tx, id);
        if (!before) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, id);
        assertVersion(before.version, expected);
        const changes = diffFields(before as Record<string, unknown>, fields, FIELDS);
        if (coordinatorUserIds) {
          await assertUsersExist(tx, coordinatorUserIds);
          const was = (await boardsRepo.coordinators(tx, [id])).get(id)?.map((c) => c.id).sort() ?? [];
          const now = [...coordinatorUserIds].sort();
          if (was.join() !== now.join()) changes.coordinatorUserIds = { from: was, to: now };
        }
        if (!Object.keys(changes).length) return;
        await boardsRepo.update(tx, id, fields);
        if (coordinatorUserIds) await boardsRepo.replaceCoordinators(tx, id, coordinatorUserIds);
        await audit(tx, ctx, 'board.update', 'board', id, changes);
      });
      return get(ctx.actor, id);
    },

    async listCharters(actor: Actor, boardId: string) {
      await get(actor, boardId);
      return { data: await charters(boardId) };
    },

    async getCharter(actor: Actor, boardId: string, charterId: string) {
      await get(actor, boardId);
      const c = (await charters(boardId)).find((x) => x.id === charterId);
      if (!c) throw notFound('charter');
      return c;
    },

    /** A new version: acknowledgements are per version, so every active member is pending again. */
    async createCharter(ctx: Ctx, boardId: string, input: CharterBody) {
      const id = await db.transaction(async (tx) => {
        const board = await boardsRepo.lock(tx, boardId);
        if (!board) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const [latest] = await boardsRepo.charters(tx, boardId);
        const row = await boardsRepo.insertCharter(tx, { boardId, number: (latest?.number ?? 0) + 1, sections: input.sections, quorumRule: input.quorumRule ?? null, createdBy: userIdOf(ctx.actor) });
        await audit(tx, ctx, 'board_charter.create', 'board', boardId, { charterNumber: { from: latest?.number ?? null, to: row.number } });
        return row.id;
      });
      return (await charters(boardId)).find((c) => c.id === id)!;
    },

    async acknowledgeCharter(ctx: Ctx, boardId: string, charterId: string, memberId: string) {
      await db.transaction(async (tx) => {
        const board = await boardsRepo.lock(tx, boardId);
        if (!board) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const charter = await boardsRepo.charter(tx, boardId, charterId);
        if (!charter) throw notFound('charter');
        const m = await boardsRepo.member(tx, boardId, memberId);
        if (!m) throw new AppError('reference_not_found', 'No such member of this board.', { errors: [{ path: 'body.memberId', message: 'No such member', code: 'unknown_reference' }] });
        const [current] = await boardsRepo.charters(tx, boardId);
        if (current!.id !== charterId) throw new AppError('invalid_transition', `Charter version ${charter.number} is no longer in force; version ${current!.number} is.`);
        if (m.status === 'ended') throw new AppError('invalid_transition', 'The member has left the board.');
        if (await boardsRepo.acknowledge(tx, charterId, memberId, userIdOf(ctx.actor))) {
          await audit(tx, ctx, 'board_charter.acknowledge', 'board_member', memberId, { charterNumber: { from: null, to: charter.number } });
        }
      });
      return (await charters(boardId)).find((c) => c.id === charterId)!;
    },

    async listMembers(ctx: Ctx, boardId: string) {
      await get(ctx.actor, boardId);
      const [rows, acks] = await Promise.all([boardsRepo.members(db, boardId), currentCharterAcks(boardId)]);
      // Contact details: the read is audited (ARCHITECTURE §4).
      await recordAudit(db, ctx, { action: 'board_member.list', entityType: 'board', entityId: boardId, read: true });
      return { data: rows.map((r) => toMember(r, acks.has(r.id))) };
    },

    async getMember(ctx: Ctx, boardId: string, id: string) {
      await get(ctx.actor, boardId);
      const m = await member(boardId, id);
      await recordAudit(db, ctx, { action: 'board_member.read', entityType: 'board_member', entityId: id, read: true });
      return m;
    },

    /** Seats a selected applicant: their contact details are copied, the application links to the member. */
    async createMember(ctx: Ctx, boardId: string, input: CreateMemberBody) {
      const id = await db.transaction(async (tx) => {
        const board = await boardsRepo.lock(tx, boardId);
        if (!board) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const app = await boardsRepo.lockApplication(tx, boardId, input.applicationId);
        if (!app) throw new AppError('reference_not_found', 'No such application to this board.', { errors: [{ path: 'body.applicationId', message: 'No such application', code: 'unknown_reference' }] });
        if (app.status !== 'selected') throw new AppError('invalid_transition', `Only a selected applicant becomes a member; this application is ${app.status}.`);
        if (await boardsRepo.memberOfApplication(tx, app.id)) throw new AppError('already_exists', 'This applicant is already a member.');
        const termEnd = input.termEnd ?? termEndOf(input.termStart, board.termMonths);
        if (termEnd < input.termStart) throw new AppError('validation_failed', 'termStart must not be after termEnd.', { errors: [{ path: 'body.termEnd', message: 'Before termStart' }] });
        const row = await boardsRepo.insertMember(tx, { boardId, applicationId: app.id, name: app.name, phone: app.phone, email: app.email, seat: input.seat ?? null, role: input.role, termStart: input.termStart, termEnd });
        await audit(tx, ctx, 'board_member.create', 'board_member', row.id, { applicationId: { from: null, to: app.id }, role: { from: null, to: row.role } });
        return row.id;
      });
      return member(boardId, id);
    },

    async updateMember(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: UpdateMemberBody) {
      const { version: _v, ...fields } = input;
      await db.transaction(async (tx) => {
        const board = await boardsRepo.one(tx, boardId);
        if (!board) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const before = await boardsRepo.lockMember(tx, boardId, id);
        if (!before) throw notFound('member');
        assertVersion(before.version, expected);
        const after = { ...before, ...fields };
        if (after.status === 'ended' && !after.exitReason) throw new AppError('validation_failed', 'A member who leaves needs an exit reason.', { errors: [{ path: 'body.exitReason', message: 'Required when status is ended' }] });
        if (after.termEnd < before.termStart) throw new AppError('validation_failed', 'termEnd must not be before termStart.', { errors: [{ path: 'body.termEnd', message: 'Before termStart' }] });
        const changes = diffFields(before as Record<string, unknown>, fields, MEMBER_FIELDS);
        if (!Object.keys(changes).length) return;
        await boardsRepo.updateMember(tx, id, fields);
        await audit(tx, ctx, 'board_member.update', 'board_member', id, changes);
      });
      return member(boardId, id);
    },
  };
};
export type BoardsService = ReturnType<typeof createBoardsService>;
