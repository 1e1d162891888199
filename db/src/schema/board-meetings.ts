import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ATTENDANCE_STATUSES, MEETING_STATUSES, MOTION_DECISIONS, RECORDED_VOTE_CHOICES, type MEETING_SUPPORTS } from '@tandem/contract';
import { createdAt, id, inList, ts, updatedAt, version, type OneOf } from './helpers';
import { users } from './accounts';
import { boardMembers, boards } from './boards';

/** A board's meetings (issue 26). Materials and supports are small lists kept with the meeting. */
export const boardMeetings = pgTable(
  'board_meetings',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    place: text('place'),
    virtualUrl: text('virtual_url'),
    agenda: text('agenda').notNull().default(''),
    materials: jsonb('materials').$type<{ title: string; url: string }[]>().notNull().default([]),
    minutes: text('minutes'),
    status: text('status').$type<OneOf<typeof MEETING_STATUSES>>().notNull().default('scheduled'),
    supports: jsonb('supports').$type<{ kind: OneOf<typeof MEETING_SUPPORTS>; memberId: string | null; note: string | null }[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('board_meetings_status_check', inList(t.status, MEETING_STATUSES)),
    check('board_meetings_where_check', sql`${t.place} is not null or ${t.virtualUrl} is not null`),
    check('board_meetings_ends_check', sql`${t.endsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
    index('board_meetings_board_idx').on(t.boardId, t.startsAt),
  ],
);

/** One row per seated member once attendance is recorded (replaced whole). */
export const boardMeetingAttendance = pgTable(
  'board_meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => boardMeetings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    status: text('status').$type<OneOf<typeof ATTENDANCE_STATUSES>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), check('board_meeting_attendance_status_check', inList(t.status, ATTENDANCE_STATUSES)), index('board_meeting_attendance_member_idx').on(t.memberId)],
);

export const boardMotions = pgTable(
  'board_motions',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => boardMeetings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    text: text('text'),
    decision: text('decision').$type<OneOf<typeof MOTION_DECISIONS>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [check('board_motions_decision_check', inList(t.decision, MOTION_DECISIONS)), index('board_motions_meeting_idx').on(t.meetingId), index('board_motions_board_idx').on(t.boardId)],
);

/** One vote per member and motion (the list is replaced whole). */
export const boardVotes = pgTable(
  'board_votes',
  {
    motionId: uuid('motion_id')
      .notNull()
      .references(() => boardMotions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    choice: text('choice').$type<OneOf<typeof RECORDED_VOTE_CHOICES>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.memberId] }), check('board_votes_choice_check', inList(t.choice, RECORDED_VOTE_CHOICES))],
);

export const boardTrainings = pgTable(
  'board_trainings',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    trainer: text('trainer').notNull(),
    date: date('date').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [index('board_trainings_board_idx').on(t.boardId, t.date)],
);

export const boardTrainingAttendance = pgTable(
  'board_training_attendance',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => boardTrainings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    attended: boolean('attended').notNull(),
  },
  (t) => [primaryKey({ columns: [t.trainingId, t.memberId] })],
);

/** A member's satisfaction check, recorded by a coordinator: after a meeting, or for a quarter. */
export const boardSatisfaction = pgTable(
  'board_satisfaction',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => boardMeetings.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
    date: date('date').notNull(),
    heard: integer('heard').notNull(),
    used: integer('used').notNull(),
    comment: text('comment'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('board_satisfaction_heard_check', sql`${t.heard} between 1 and 5`),
    check('board_satisfaction_used_check', sql`${t.used} between 1 and 5`),
    check('board_satisfaction_quarter_check', sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
    uniqueIndex('board_satisfaction_meeting_idx').on(t.memberId, t.meetingId).where(sql`${t.meetingId} is not null`),
    uniqueIndex('board_satisfaction_quarter_idx').on(t.memberId, t.quarter).where(sql`${t.meetingId} is null`),
    index('board_satisfaction_board_idx').on(t.boardId, t.date),
  ],
);
