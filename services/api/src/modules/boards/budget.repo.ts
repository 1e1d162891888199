import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { boardBudgetRounds: rounds, boardBudgetProposals: proposals, boardBudgetVotes: votes, boardMembers } = schema;
export type RoundRow = typeof rounds.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type VoteRow = typeof votes.$inferSelect & { memberName: string };
const first = <T>(rows: T[]) => rows[0];

/** SQL on the participatory budgeting tables (members only for their names). */
export const budgetRepo = {
  rounds: async (db: DbOrTx, boardId: string, status?: RoundRow['status']) =>
    db.select().from(rounds).where(and(eq(rounds.boardId, boardId), status ? eq(rounds.status, status) : undefined)).orderBy(desc(rounds.createdAt), desc(rounds.id)),
  round: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(rounds).where(and(eq(rounds.boardId, boardId), eq(rounds.id, id)))),
  lockRound: async (db: DbOrTx, boardId: string, id: string) => first(await db.select().from(rounds).where(and(eq(rounds.boardId, boardId), eq(rounds.id, id))).for('update')),
  insertRound: async (db: DbOrTx, row: typeof rounds.$inferInsert) => (await db.insert(rounds).values(row).returning())[0]!,
  updateRound: async (db: DbOrTx, id: string, set: Partial<typeof rounds.$inferInsert>) =>
    (await db.update(rounds).set({ ...set, updatedAt: sql`now()`, version: sql`${rounds.version} + 1` }).where(eq(rounds.id, id)).returning())[0]!,
  async proposals(db: DbOrTx, roundIds: string[]) {
    const out = new Map<string, ProposalRow[]>();
    if (!roundIds.length) return out;
    for (const r of await db.select().from(proposals).where(inArray(proposals.roundId, roundIds)).orderBy(asc(proposals.createdAt), asc(proposals.id))) out.set(r.roundId, [...(out.get(r.roundId) ?? []), r]);
    return out;
  },
  insertProposal: async (db: DbOrTx, row: typeof proposals.$inferInsert) => (await db.insert(proposals).values(row).returning())[0]!,
  async votes(db: DbOrTx, roundIds: string[]) {
    const out = new Map<string, VoteRow[]>();
    if (!roundIds.length) return out;
    const rows = await db
      .select({ v: votes, memberName: boardMembers.name })
      .from(votes)
      .innerJoin(boardMembers, eq(boardMembers.id, votes.memberId))
      .where(inArray(votes.roundId, roundIds))
      .orderBy(asc(boardMembers.name), asc(votes.memberId));
    for (const { v, memberName } of rows) out.set(v.roundId, [...(out.get(v.roundId) ?? []), { ...v, memberName }]);
    return out;
  },
  lockVote: async (db: DbOrTx, roundId: string, memberId: string) => first(await db.select().from(votes).where(and(eq(votes.roundId, roundId), eq(votes.memberId, memberId))).for('update')),
  insertVote: async (db: DbOrTx, row: typeof votes.$inferInsert) => (await db.insert(votes).values(row).returning())[0]!,
  updateVote: async (db: DbOrTx, roundId: string, memberId: string, set: Partial<typeof votes.$inferInsert>) =>
    (await db.update(votes).set({ ...set, updatedAt: sql`now()`, version: sql`${votes.version} + 1` }).where(and(eq(votes.roundId, roundId), eq(votes.memberId, memberId))).returning())[0]!,
};
