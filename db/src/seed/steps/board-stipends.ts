import { asc, eq, sql } from 'drizzle-orm';
import type { StipendMethod } from '@tandem/contract';
import type { Tx } from '../../client';
import { boardMembers, boards, boardStipendPolicies, stipendPayments } from '../../schema';
import { daysFrom, isoDate, type SeedContext } from '../context';
import { count, insertAll } from './util';

type PaymentRow = typeof stipendPayments.$inferInsert;

export const REENTRY_BOARD_NAME = 'Reentry Health Advisory Board';
const STIPEND_CENTS = 150_000; // $1,500 a year, paid by quarter ($375)
const QUARTER_CENTS = STIPEND_CENTS / 4;
const EXTRA_CENTS = 50_000; // extra meetings, twice: $1,000

/**
 * A year of the reentry board's stipends (issue 26), modelled on the county's: $1,500 each, paid by
 * quarter; two members who needed it front-loaded (the whole $1,500 advanced at the start, each
 * quarter then settled against the advance, not paid again); $1,000 more for extra meetings to
 * three members (whose totals reach the information-return threshold); gift cards throughout for
 * one member who could not take a check; one returned check, paid again. Finds the board and its
 * members by name (the boards step creates them); without the board it does nothing.
 * `meeting_id` stays empty: these are period payments, not per meeting.
 */
export const seedBoardStipends = async (tx: Tx, ctx: SeedContext) => {
  const [board] = await tx.select().from(boards).where(eq(boards.name, REENTRY_BOARD_NAME)).limit(1);
  if (!board) return;
  const members = await tx
    .select()
    .from(boardMembers)
    .where(eq(boardMembers.boardId, board.id))
    .orderBy(sql`${boardMembers.seat} nulls last`, asc(boardMembers.name), asc(boardMembers.id));
  if (!members.length) return;

  await tx.insert(boardStipendPolicies).values({ boardId: board.id, meetingRateCents: 12_500, extraRateCents: EXTRA_CENTS, annualCapCents: 300_000, methods: ['check', 'direct_deposit', 'gift_card', 'prepaid_card'] }).onConflictDoNothing();

  // The last quarter ends a few weeks before the seed's "now": a year of payments.
  const quarterDays = [-330, -240, -150, -60];
  const on = (days: number) => isoDate(daysFrom(ctx.now, days));
  const advanced = new Set(members.slice(0, 2).map((m) => m.id));
  const giftCard = members[2]?.id;
  const extra = new Set(members.slice(3, 6).map((m) => m.id));
  const returnedFor = members[6]?.id;

  const rows: PaymentRow[] = [];
  const add = (r: Omit<PaymentRow, 'id' | 'boardId' | 'status'> & { status?: PaymentRow['status'] }) => rows.push({ id: ctx.ids.uuid(), boardId: board.id, status: 'issued', ...r });

  for (const m of members) {
    const method: StipendMethod = m.id === giftCard ? 'gift_card' : ctx.rng.chance(0.3) ? 'direct_deposit' : 'check';
    if (advanced.has(m.id)) {
      add({ memberId: m.id, amountCents: STIPEND_CENTS, method, purpose: 'advance', paidOn: on(quarterDays[0]! - 20), note: 'Front-loaded: the year paid ahead at the member’s request' });
      for (const d of quarterDays) add({ memberId: m.id, amountCents: QUARTER_CENTS, coveredByAdvanceCents: QUARTER_CENTS, method, purpose: 'period', paidOn: on(d), note: 'Settled against the advance' });
    } else {
      for (const [q, d] of quarterDays.entries()) {
        if (m.id === returnedFor && q === 1) {
          // The check came back (wrong address): kept as returned, and paid again.
          add({ memberId: m.id, amountCents: QUARTER_CENTS, method, purpose: 'period', paidOn: on(d), status: 'returned', note: 'Returned by the post office: wrong address' });
          add({ memberId: m.id, amountCents: QUARTER_CENTS, method, purpose: 'period', paidOn: on(d + 21), note: 'Reissued to the corrected address' });
        } else add({ memberId: m.id, amountCents: QUARTER_CENTS, method, purpose: 'period', paidOn: on(d) });
      }
    }
    if (extra.has(m.id)) {
      add({ memberId: m.id, amountCents: EXTRA_CENTS, method, purpose: 'extra_work', paidOn: on(-200), note: 'Budget subcommittee' });
      add({ memberId: m.id, amountCents: EXTRA_CENTS, method, purpose: 'extra_work', paidOn: on(-90), note: 'Community listening sessions' });
    }
  }
  count(ctx, 'stipendPayments', await insertAll(tx, stipendPayments, rows));
};
