import type { DbOrTx } from '../client';
import * as schema from '../schema';

// Board recommendations factories: each inserts one valid row and returns it.

export const newRecommendationRow = async (
  db: DbOrTx,
  boardId: string,
  over: Partial<typeof schema.boardRecommendations.$inferInsert> = {},
) =>
  (
    await db
      .insert(schema.boardRecommendations)
      .values({
        boardId,
        title: 'Peer navigators at release',
        text: 'Every person leaving jail meets a peer navigator.',
        topic: 'Care coordination',
        addressedTo: 'Reentry Health Program',
        submittedOn: '2026-03-10',
        responseDue: '2026-06-08',
        ...over,
      })
      .returning()
  )[0]!;

export const newRecommendationUpdateRow = async (
  db: DbOrTx,
  recommendationId: string,
  over: Partial<typeof schema.boardRecommendationUpdates.$inferInsert> = {},
) =>
  (
    await db
      .insert(schema.boardRecommendationUpdates)
      .values({ recommendationId, date: '2026-04-01', text: 'Two navigators hired', progress: 40, ...over })
      .returning()
  )[0]!;
