import type { DbOrTx } from '../client';
import * as schema from '../schema';

/** A participatory budgeting round (draft unless told) with two proposals. */
export const newBudgetRoundRow = async (db: DbOrTx, boardId: string, over: Partial<typeof schema.boardBudgetRounds.$inferInsert> = {}) => {
  const [round] = await db.insert(schema.boardBudgetRounds).values({ boardId, title: 'Community fund', budgetCents: 1_000_000, pointsPerMember: 10, ...over }).returning();
  const proposals = await db
    .insert(schema.boardBudgetProposals)
    .values([
      { roundId: round!.id, title: 'Peer navigators', description: 'Two part-time navigators', costCents: 600_000 },
      { roundId: round!.id, title: 'Bus passes', description: 'Monthly passes for members', costCents: 300_000 },
    ])
    .returning();
  return { ...round!, proposals };
};
