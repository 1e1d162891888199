import { eq } from 'drizzle-orm';
import { isRecommendationOverdue, RECOMMENDATION_STATUSES } from '@tandem/contract';
import { createDb, createPool, type Db } from '../client';
import { boardRecommendations, boardRecommendationUpdates } from '../schema';
import { newBoardRow } from '../testing/board-factories';
import { createTestDatabase, type TestDatabase } from '../testing/template-db';
import { createContext } from './context';
import { REENTRY_BOARD_NAME, seedBoardRecommendations } from './steps/board-recommendations';

// The board-recommendations seed step on its own (the lead wires it into SEED_STEPS after the step
// that creates the reentry board): every status, one overdue, responses and updates; nothing
// without the board.

const NOW = new Date('2026-11-10T18:00:00Z');
let tdb: TestDatabase;
let db: Db;
let end: () => Promise<void>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  const pool = createPool(tdb.url, { max: 2 });
  db = createDb(pool);
  end = () => pool.end();
});
afterAll(async () => {
  await end();
  await tdb.drop();
});

it('does nothing when the reentry board is absent', async () => {
  await db.transaction((tx) =>
    seedBoardRecommendations(
      tx,
      createContext(NOW, () => undefined),
    ),
  );
  expect(await db.select().from(boardRecommendations)).toEqual([]);
});

it('adds recommendations in every status to the reentry board, one overdue, with responses and updates', async () => {
  const board = await newBoardRow(db, { name: REENTRY_BOARD_NAME, status: 'active' });
  const other = await newBoardRow(db, { name: 'Youth Advisory Board', status: 'active' });
  const ctx = createContext(NOW, () => undefined);
  await db.transaction((tx) => seedBoardRecommendations(tx, ctx));
  const recs = await db.select().from(boardRecommendations).where(eq(boardRecommendations.boardId, board.id));
  expect(new Set(recs.map((r) => r.status))).toEqual(new Set(RECOMMENDATION_STATUSES));
  expect(recs.filter((r) => isRecommendationOverdue(r, '2026-11-10')).map((r) => r.title)).toEqual([
    'Mental health check-in before release',
  ]);
  for (const r of recs.filter((x) => ['adopted', 'partially_adopted', 'not_adopted', 'implemented'].includes(x.status)))
    expect([r.title, !!r.response, !!r.respondedAt]).toEqual([r.title, true, true]);
  const updates = await db.select().from(boardRecommendationUpdates);
  const implemented = recs.find((r) => r.status === 'implemented')!;
  expect(updates.filter((u) => u.recommendationId === implemented.id).map((u) => u.progress)).toEqual([25, 60, 100]);
  expect(updates.every((u) => u.date <= '2026-11-10')).toBe(true);
  expect(ctx.counts).toEqual({ boardRecommendations: recs.length, boardRecommendationUpdates: updates.length });
  expect(await db.select().from(boardRecommendations).where(eq(boardRecommendations.boardId, other.id))).toEqual([]);
});
