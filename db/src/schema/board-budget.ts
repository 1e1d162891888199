import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { BUDGET_ROUND_STATUSES } from '@tandem/contract';
import { createdAt, id, inList, ts, updatedAt, version, type OneOf } from './helpers';
import { users } from './accounts';
import { boardMembers, boards } from './boards';

/** Participatory budgeting rounds (issue 26): real money, in cents; each member an equal allocation of points. */
export const boardBudgetRounds = pgTable(
  'board_budget_rounds',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    budgetCents: integer('budget_cents').notNull(),
    pointsPerMember: integer('points_per_member').notNull().default(100),
    status: text('status').$type<OneOf<typeof BUDGET_ROUND_STATUSES>>().notNull().default('draft'),
    closedAt: ts('closed_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('board_budget_rounds_status_check', inList(t.status, BUDGET_ROUND_STATUSES)),
    check('board_budget_rounds_amounts_check', sql`${t.budgetCents} > 0 and ${t.pointsPerMember} > 0`),
    index('board_budget_rounds_board_idx').on(t.boardId, t.createdAt),
  ],
);

export const boardBudgetProposals = pgTable(
  'board_budget_proposals',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => boardBudgetRounds.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    costCents: integer('cost_cents').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('board_budget_proposals_cost_check', sql`${t.costCents} > 0`), index('board_budget_proposals_round_idx').on(t.roundId, t.createdAt)],
);

/** One vote per member and round: points by proposal id (their total within the round's allocation, checked by the service). */
export const boardBudgetVotes = pgTable(
  'board_budget_votes',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => boardBudgetRounds.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    points: jsonb('points').$type<Record<string, number>>().notNull().default({}),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.memberId] }), index('board_budget_votes_member_idx').on(t.memberId)],
);
