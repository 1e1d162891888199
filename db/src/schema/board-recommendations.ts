import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { RECOMMENDATION_STATUSES } from '@tandem/contract';
import { createdAt, id, inList, ts, updatedAt, version, type OneOf } from './helpers';
import { users } from './accounts';
import { boards } from './boards';
import { boardMeetings, boardMotions } from './board-meetings';

export type FollowUpAction = { text: string; owner: string | null; due: string | null; done: boolean };

/**
 * A board's recommendations and the health system's answers (issue 26, "the feedback loop").
 * `meeting_id` and `motion_id` name the meeting and motion it came from (of the same board, checked
 * by the service; SET NULL if one were ever deleted: the recommendation stands without it). A partially or not adopted one carries its rationale.
 */
export const boardRecommendations = pgTable(
  'board_recommendations',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    topic: text('topic').notNull(),
    meetingId: uuid('meeting_id').references(() => boardMeetings.id, { onDelete: 'set null' }),
    motionId: uuid('motion_id').references(() => boardMotions.id, { onDelete: 'set null' }),
    submittedOn: date('submitted_on').notNull(),
    addressedTo: text('addressed_to').notNull(),
    responseDue: date('response_due').notNull(),
    status: text('status').$type<OneOf<typeof RECOMMENDATION_STATUSES>>().notNull().default('submitted'),
    response: text('response'),
    rationale: text('rationale'),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: ts('responded_at'),
    /** When its coordinators were told the response is overdue (the worker's sweep); cleared when the due date moves. */
    overdueNotifiedAt: ts('overdue_notified_at'),
    followUps: jsonb('follow_ups').$type<FollowUpAction[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('board_recommendations_status_check', inList(t.status, RECOMMENDATION_STATUSES)),
    check('board_recommendations_due_check', sql`${t.submittedOn} <= ${t.responseDue}`),
    check(
      'board_recommendations_rationale_check',
      sql`${t.status} not in ('partially_adopted', 'not_adopted') or (${t.rationale} is not null and ${t.response} is not null)`,
    ),
    check('board_recommendations_responded_check', sql`${t.status} in ('submitted', 'under_review') or ${t.respondedAt} is not null`),
    index('board_recommendations_board_idx').on(t.boardId, t.submittedOn),
  ],
);

/** The dated timeline of implementation updates: append-only; progress 0..100 (it may go down). */
export const boardRecommendationUpdates = pgTable(
  'board_recommendation_updates',
  {
    id: id(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => boardRecommendations.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    text: text('text').notNull(),
    progress: integer('progress').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('board_recommendation_updates_progress_check', sql`${t.progress} between 0 and 100`),
    index('board_recommendation_updates_rec_idx').on(t.recommendationId, t.date),
  ],
);
