import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { advanceBalance, stipendYearTotals, type StipendEarning, type StipendPayment } from '@tandem/contract';
import { createDb, createPool, type Db } from '../client';
import { boardStipendPolicies, stipendPayments } from '../schema';
import { createTestDatabase, newBoardRow, newMemberRow, type TestDatabase } from '../testing';
import { createContext } from './context';
import { REENTRY_BOARD_NAME, seedBoardStipends } from './steps/board-stipends';
import { SEED_TEST_NOW } from './testing';

// The stipends step on its own (the lead wires it after the boards step): a board named as the
// boards step names it, with 11 members, then a year of stipends.
let tdb: TestDatabase;
let pool: pg.Pool;
let db: Db;
beforeAll(async () => {
  tdb = await createTestDatabase();
  pool = createPool(tdb.url, { max: 2 });
  db = createDb(pool);
});
afterAll(async () => {
  await pool?.end();
  await tdb?.drop();
});

const run = () => db.transaction((tx) => seedBoardStipends(tx, createContext(SEED_TEST_NOW, () => {})));

it('does nothing without the reentry board', async () => {
  await newBoardRow(db, { name: 'Youth Advisory Board' });
  await run();
  expect(await db.select().from(stipendPayments)).toEqual([]);
});

it('records a year of stipends: $1,500 each, two advances drawn down, $1,000 extra for three, gift cards, one returned check', async () => {
  const board = await newBoardRow(db, { name: REENTRY_BOARD_NAME, status: 'active' });
  const members: Awaited<ReturnType<typeof newMemberRow>>[] = [];
  for (let seat = 1; seat <= 11; seat++) members.push(await newMemberRow(db, board.id, { name: `Member ${String(seat).padStart(2, '0')}`, seat }));
  await run();
  const rows = await db.select().from(stipendPayments).where(eq(stipendPayments.boardId, board.id));
  expect((await db.select().from(boardStipendPolicies).where(eq(boardStipendPolicies.boardId, board.id)))[0]?.meetingRateCents).toBe(12_500);

  const ledger = rows.flatMap((r): (StipendPayment | StipendEarning)[] => {
    if (r.status === 'returned') return [];
    const paid = (amountCents: number, advance = false): StipendPayment => ({ memberId: r.memberId, amountCents, method: r.method, status: r.status, paidOn: r.paidOn, advance });
    if (r.purpose === 'advance') return [paid(r.amountCents, true)];
    const net = r.amountCents - r.coveredByAdvanceCents;
    return [{ memberId: r.memberId, earnedCents: r.amountCents }, ...(net > 0 ? [paid(net)] : [])];
  });
  const balances = advanceBalance(ledger);
  // Everyone earned the $1,500 (and three the $1,000 more); nothing is owed, nothing still advanced.
  expect(balances.map((b) => b.earnedCents).sort()).toEqual([...Array(8).fill(150_000), ...Array(3).fill(250_000)].sort());
  expect(balances.every((b) => b.owedCents === 0 && b.stillAdvancedCents === 0)).toBe(true);
  expect(rows.filter((r) => r.purpose === 'advance').map((r) => r.memberId).sort()).toEqual([members[0]!.id, members[1]!.id].sort());
  expect(new Set(rows.filter((r) => r.memberId === members[2]!.id).map((r) => r.method))).toEqual(new Set(['gift_card']));
  expect(rows.filter((r) => r.status === 'returned')).toHaveLength(1);

  // The seed's year (2026, threshold $2,000): the three paid extra reach it, no one else does.
  const payments = ledger.filter((e): e is StipendPayment => 'amountCents' in e);
  const y2026 = stipendYearTotals(payments, 2026);
  expect(y2026.filter((t) => t.reachesThreshold).map((t) => t.memberId).sort()).toEqual(members.slice(3, 6).map((m) => m.id).sort());
  expect(y2026.filter((t) => !t.reachesThreshold).length).toBeGreaterThan(0);
});
