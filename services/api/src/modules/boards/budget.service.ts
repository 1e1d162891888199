import type { z } from 'zod';
import type { Db } from '@tandem/db';
import { BUDGET_ROUND_NEXT, participatoryBudgetResult, type api, type EndpointOutput } from '@tandem/contract';
import { AppError, notFound } from '../../lib/app-error';
import { type Actor, type Ctx, userIdOf } from '../../lib/actor';
import { diffFields, recordAudit } from '../../lib/audit';
import { assertVersion } from '../../lib/concurrency';
import { assertCoordinates } from './access';
import { budgetRepo, type ProposalRow, type RoundRow, type VoteRow } from './budget.repo';
import { boardsRepo } from './repo';

type CreateBody = z.output<typeof api.createBudgetRound.body>;
type UpdateBody = z.output<typeof api.updateBudgetRound.body>;
type ProposalBody = z.output<typeof api.createBudgetProposal.body>;
type VoteBody = z.output<typeof api.putBudgetVote.body>;
type Round = EndpointOutput<typeof api.getBudgetRound>;
type Result = NonNullable<Round['result']>;

const iso = (d: Date) => d.toISOString();
const ROUND_FIELDS = ['title', 'budgetCents', 'pointsPerMember', 'status'] as const;

/** The count of a round (the pure participatoryBudgetResult), worded with the proposals' titles. */
export const resultOf = (round: RoundRow, proposals: ProposalRow[], votes: VoteRow[]): Result => {
  const r = participatoryBudgetResult(
    { totalCents: round.budgetCents, pointsPerMember: round.pointsPerMember },
    proposals.map((p) => ({ id: p.id, costCents: p.costCents, submittedAt: iso(p.createdAt) })),
    votes.map((v) => ({ memberId: v.memberId, points: v.points })),
  );
  const byId = new Map(proposals.map((p) => [p.id, p]));
  return {
    ranking: r.ranking.map((x) => ({ proposalId: x.id, title: byId.get(x.id)!.title, description: byId.get(x.id)!.description, costCents: x.costCents, points: x.points, rank: x.rank, funded: x.funded, reason: x.reason ?? null })),
    spentCents: r.spentCents,
    remainingCents: r.remainingCents,
    ballots: votes.length - (r.refused?.length ?? 0),
  };
};

const toVote = (v: VoteRow | (Omit<VoteRow, 'memberName'> & { memberName: string })) => ({ memberId: v.memberId, memberName: v.memberName, points: v.points, updatedAt: iso(v.updatedAt), version: v.version });

const refuse = (path: string, message: string) => new AppError('validation_failed', message, { errors: [{ path, message }] });

/**
 * Participatory budgeting rounds (issue 26). Coordinators only (404 for anyone else); a round is
 * drafted with its proposals, then members vote (each an equal allocation of points), then it is
 * closed and its result, counted by the pure participatoryBudgetResult, is public.
 */
export const createBudgetService = ({ db }: { db: Db }) => {
  const board = async (actor: Actor, boardId: string) => {
    const b = await boardsRepo.one(db, boardId);
    if (!b) throw notFound('board');
    await assertCoordinates(db, actor, boardId);
    return b;
  };
  const views = async (rows: RoundRow[]): Promise<Round[]> => {
    const ids = rows.map((r) => r.id);
    const [proposals, votes] = await Promise.all([budgetRepo.proposals(db, ids), budgetRepo.votes(db, ids)]);
    return rows.map((r) => {
      const ps = proposals.get(r.id) ?? [];
      const vs = votes.get(r.id) ?? [];
      return {
        id: r.id,
        boardId: r.boardId,
        title: r.title,
        budgetCents: r.budgetCents,
        pointsPerMember: r.pointsPerMember,
        status: r.status,
        proposals: ps.map((p) => ({ id: p.id, title: p.title, description: p.description, costCents: p.costCents, createdAt: iso(p.createdAt) })),
        votes: vs.map(toVote),
        result: r.status === 'closed' ? resultOf(r, ps, vs) : null,
        closedAt: r.closedAt ? iso(r.closedAt) : null,
        createdAt: iso(r.createdAt),
        updatedAt: iso(r.updatedAt),
        version: r.version,
      };
    });
  };
  const view = async (boardId: string, id: string) => {
    const row = await budgetRepo.round(db, boardId, id);
    if (!row) throw notFound('budget_round');
    return (await views([row]))[0]!;
  };

  return {
    async list(actor: Actor, boardId: string) {
      await board(actor, boardId);
      return { data: await views(await budgetRepo.rounds(db, boardId)) };
    },

    async get(actor: Actor, boardId: string, id: string) {
      await board(actor, boardId);
      return view(boardId, id);
    },

    async create(ctx: Ctx, boardId: string, input: CreateBody) {
      const id = await db.transaction(async (tx) => {
        if (!(await boardsRepo.lock(tx, boardId))) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const row = await budgetRepo.insertRound(tx, { boardId, ...input, createdBy: userIdOf(ctx.actor) });
        await recordAudit(tx, ctx, { action: 'board_budget_round.create', entityType: 'board_budget_round', entityId: row.id, changes: diffFields({} as Record<string, unknown>, { ...input, status: 'draft' }, ROUND_FIELDS) });
        return row.id;
      });
      return view(boardId, id);
    },

    /** Draft fields change only in draft; the status moves one step (voting needs a proposal). */
    async update(ctx: Ctx, boardId: string, id: string, expected: number | undefined, input: UpdateBody) {
      const { version: _v, ...fields } = input;
      await db.transaction(async (tx) => {
        if (!(await boardsRepo.one(tx, boardId))) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const before = await budgetRepo.lockRound(tx, boardId, id);
        if (!before) throw notFound('budget_round');
        assertVersion(before.version, expected);
        const changes = diffFields(before as Record<string, unknown>, fields, ROUND_FIELDS);
        if (!Object.keys(changes).length) return;
        const { status, ...draftFields } = changes;
        if (Object.keys(draftFields).length && before.status !== 'draft') throw new AppError('invalid_transition', `The title, budget and allocation change only in draft; this round is ${before.status}.`);
        if (status) {
          if (BUDGET_ROUND_NEXT[before.status] !== fields.status) throw new AppError('invalid_transition', `A round that is ${before.status} cannot become ${fields.status ?? ''}.`);
          if (fields.status === 'voting' && !(await budgetRepo.proposals(tx, [id])).get(id)?.length) throw new AppError('invalid_transition', 'Add at least one proposal before voting opens.');
        }
        await budgetRepo.updateRound(tx, id, { ...fields, ...(fields.status === 'closed' && status ? { closedAt: new Date() } : {}) });
        await recordAudit(tx, ctx, { action: 'board_budget_round.update', entityType: 'board_budget_round', entityId: id, changes });
      });
      return view(boardId, id);
    },

    async addProposal(ctx: Ctx, boardId: string, id: string, input: ProposalBody) {
      await db.transaction(async (tx) => {
        if (!(await boardsRepo.one(tx, boardId))) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const round = await budgetRepo.lockRound(tx, boardId, id);
        if (!round) throw notFound('budget_round');
        if (round.status !== 'draft') throw new AppError('invalid_transition', `Proposals are added while the round is in draft; this one is ${round.status}.`);
        const p = await budgetRepo.insertProposal(tx, { roundId: id, ...input });
        await budgetRepo.updateRound(tx, id, {});
        await recordAudit(tx, ctx, { action: 'board_budget_proposal.create', entityType: 'board_budget_round', entityId: id, changes: { proposal: { from: null, to: { id: p.id, title: p.title, costCents: p.costCents } } } });
      });
      return view(boardId, id);
    },

    /** A current member's vote, only while voting, only the round's proposals, at most the allocation in total. */
    async putVote(ctx: Ctx, boardId: string, id: string, memberId: string, expected: number | undefined, input: VoteBody) {
      const row = await db.transaction(async (tx) => {
        if (!(await boardsRepo.one(tx, boardId))) throw notFound('board');
        await assertCoordinates(tx, ctx.actor, boardId);
        const round = await budgetRepo.lockRound(tx, boardId, id);
        if (!round) throw notFound('budget_round');
        if (round.status !== 'voting') throw new AppError('invalid_transition', `Votes are recorded while the round is voting; this one is ${round.status}.`);
        const member = await boardsRepo.member(tx, boardId, memberId);
        if (!member || member.status === 'ended')
          throw new AppError('reference_not_found', 'Only a current member of this board votes.', { errors: [{ path: 'params.memberId', message: member ? 'The member has left the board' : 'No such member of this board', code: 'unknown_reference' }] });
        const known = new Set(((await budgetRepo.proposals(tx, [id])).get(id) ?? []).map((p) => p.id));
        const unknown = Object.keys(input.points).filter((p) => !known.has(p));
        if (unknown.length) throw new AppError('validation_failed', 'Points go to proposals of this round only.', { errors: unknown.map((p) => ({ path: `body.points.${p}`, message: 'Not a proposal of this round' })) });
        const total = Object.values(input.points).reduce((a, b) => a + b, 0);
        if (total > round.pointsPerMember) throw refuse('body.points', `At most ${round.pointsPerMember} points in total; this vote gives ${total}.`);
        const before = await budgetRepo.lockVote(tx, id, memberId);
        if (before) assertVersion(before.version, expected);
        else if (expected !== undefined) throw new AppError('stale_version', 'This member has no vote in this round yet; send no version.', { currentVersion: 0 });
        const saved = before ? await budgetRepo.updateVote(tx, id, memberId, { points: input.points, recordedBy: userIdOf(ctx.actor) }) : await budgetRepo.insertVote(tx, { roundId: id, memberId, points: input.points, recordedBy: userIdOf(ctx.actor) });
        await recordAudit(tx, ctx, { action: 'board_budget_vote.write', entityType: 'board_member', entityId: memberId, changes: { points: { from: before?.points ?? null, to: saved.points } } });
        return { ...saved, memberName: member.name };
      });
      return toVote(row);
    },

    /** Closed rounds of a board that is not a draft: proposals and totals, no member data. */
    async publicRounds(boardId: string) {
      const b = await boardsRepo.one(db, boardId);
      if (!b || b.status === 'draft') throw notFound('board');
      const rows = await budgetRepo.rounds(db, boardId, 'closed');
      const ids = rows.map((r) => r.id);
      const [proposals, votes] = await Promise.all([budgetRepo.proposals(db, ids), budgetRepo.votes(db, ids)]);
      return {
        board: { id: b.id, name: b.name },
        data: rows.map((r) => ({ id: r.id, title: r.title, budgetCents: r.budgetCents, closedAt: r.closedAt ? iso(r.closedAt) : null, result: resultOf(r, proposals.get(r.id) ?? [], votes.get(r.id) ?? []) })),
      };
    },
  };
};
export type BudgetService = ReturnType<typeof createBudgetService>;
