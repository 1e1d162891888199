import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { STIPEND_METHODS, STIPEND_PURPOSES, STIPEND_STATUSES } from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, updatedAt, version, type OneOf } from './helpers';
import { users } from './accounts';
import { boardMembers, boards } from './boards';
import { boardMeetings } from './board-meetings';

/**
 * A board's stipend policy (issue 26), at most one row per board: the rates in cents, an optional
 * annual cap per member, the payment methods offered. No row: the defaults (rates 0, no cap, every
 * method) at version 1; the first write creates it.
 */
export const boardStipendPolicies = pgTable(
  'board_stipend_policies',
  {
    boardId: uuid('board_id')
      .primaryKey()
      .references(() => boards.id, { onDelete: 'cascade' }),
    meetingRateCents: integer('meeting_rate_cents').notNull().default(0),
    extraRateCents: integer('extra_rate_cents').notNull().default(0),
    annualCapCents: integer('annual_cap_cents'),
    methods: text('methods').array().$type<OneOf<typeof STIPEND_METHODS>[]>().notNull().default(sql`array['check','direct_deposit','gift_card','prepaid_card','cash']::text[]`),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('board_stipend_policies_rates_check', sql`${t.meetingRateCents} >= 0 and ${t.extraRateCents} >= 0`),
    check('board_stipend_policies_cap_check', sql`${t.annualCapCents} is null or ${t.annualCapCents} > 0`),
    check('board_stipend_policies_methods_check', sql`${arrayWithin(t.methods, STIPEND_METHODS)} and cardinality(${t.methods}) > 0`),
  ],
);

/**
 * Stipend payments (ARCHITECTURE §2 `stipend_payments`), amounts in cents. A returned payment keeps
 * its row and leaves every total. `covered_by_advance_cents`: the part of an earning (meeting, extra
 * work, period) settled against the member's outstanding advance instead of paid again; the money
 * actually paid by this row is amount − covered. `meeting_id` names the meeting paid (a money record
 * keeps its meeting: deleting a meeting that was paid is refused, NO ACTION, so a board's own
 * cascade still works).
 */
export const stipendPayments = pgTable(
  'stipend_payments',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    coveredByAdvanceCents: integer('covered_by_advance_cents').notNull().default(0),
    method: text('method').$type<OneOf<typeof STIPEND_METHODS>>().notNull(),
    purpose: text('purpose').$type<OneOf<typeof STIPEND_PURPOSES>>().notNull(),
    meetingId: uuid('meeting_id').references(() => boardMeetings.id, { onDelete: 'no action' }),
    paidOn: date('paid_on'),
    status: text('status').$type<OneOf<typeof STIPEND_STATUSES>>().notNull().default('planned'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('stipend_payments_amount_check', sql`${t.amountCents} > 0`),
    check('stipend_payments_covered_check', sql`${t.coveredByAdvanceCents} >= 0 and ${t.coveredByAdvanceCents} <= ${t.amountCents} and (${t.purpose} <> 'advance' or ${t.coveredByAdvanceCents} = 0)`),
    check('stipend_payments_method_check', inList(t.method, STIPEND_METHODS)),
    check('stipend_payments_purpose_check', inList(t.purpose, STIPEND_PURPOSES)),
    check('stipend_payments_status_check', inList(t.status, STIPEND_STATUSES)),
    check('stipend_payments_issued_check', sql`${t.status} <> 'issued' or ${t.paidOn} is not null`),
    index('stipend_payments_board_idx').on(t.boardId, t.paidOn),
    index('stipend_payments_member_idx').on(t.memberId),
    // A member is paid once per meeting (a returned payment does not count).
    uniqueIndex('stipend_payments_meeting_once_idx').on(t.memberId, t.meetingId).where(sql`${t.purpose} = 'meeting' and ${t.meetingId} is not null and ${t.status} <> 'returned'`),
  ],
);

/**
 * Information-return reporting thresholds per calendar year, in cents (network-wide). Seeded by
 * the migration: 2025 ($600, which every earlier year takes too) and 2026 ($2,000). A year with no
 * row takes the nearest earlier year's; network admins set later years.
 */
export const stipendReportingThresholds = pgTable(
  'stipend_reporting_thresholds',
  {
    year: integer('year').primaryKey(),
    amountCents: integer('amount_cents').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [check('stipend_reporting_thresholds_check', sql`${t.amountCents} > 0 and ${t.year} between 2000 and 2100`)],
);
