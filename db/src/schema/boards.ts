import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ACCESSIBILITY_NEEDS,
  APPLICATION_STATUSES,
  BOARD_STATUSES,
  EXIT_REASONS,
  FOCUS_POPULATIONS,
  LANGUAGES,
  LOCALES,
  MEMBER_ROLES,
  MEMBER_STATUSES,
  SPA_CODES,
  STIPEND_METHODS,
  type CharterSection,
  type QuorumRule,
} from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, ts, updatedAt, version, type OneOf } from './helpers';
import { users } from './accounts';

type Bilingual = { en: string; es: string };

/** Community advisory boards (issue 26). Coordinators: every board_coordinator, plus users named here per board. */
export const boards = pgTable(
  'boards',
  {
    id: id(),
    name: text('name').notNull(),
    program: text('program').notNull(),
    purpose: text('purpose').notNull(),
    seats: integer('seats').notNull(),
    termMonths: integer('term_months').notNull(),
    meetingCadence: text('meeting_cadence').notNull(),
    status: text('status').$type<OneOf<typeof BOARD_STATUSES>>().notNull().default('draft'),
    questions: jsonb('questions').$type<{ key: string; prompt: Bilingual; required: boolean }[]>().notNull().default([]),
    criteria: jsonb('criteria').$type<{ key: string; label: string; maxScore: number }[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [check('boards_status_check', inList(t.status, BOARD_STATUSES)), index('boards_name_idx').on(sql`lower(${t.name})`, t.id)],
);

export const boardCoordinators = pgTable(
  'board_coordinators',
  {
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.userId] }), index('board_coordinators_user_idx').on(t.userId)],
);

/** Charter versions: append-only; the highest number is in force. */
export const boardCharters = pgTable(
  'board_charters',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    sections: jsonb('sections').$type<Record<CharterSection, string>>().notNull(),
    /** The structured quorum rule (board-meetings); the `quorum` section is its explanation. */
    quorumRule: jsonb('quorum_rule').$type<QuorumRule>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('board_charters_number_idx').on(t.boardId, t.number),
    check('board_charters_quorum_rule_check', sql`${t.quorumRule} is null or ${t.quorumRule}->>'kind' in ('majority_of_seated_members', 'fraction', 'count')`),
  ],
);

/**
 * Applications through the public page. Name and contact details are PHI-like: coordinators and
 * network admins only, reads audited. `ip_hash` (sha256, never the address) serves the per-address rate limit.
 */
export const boardApplications = pgTable(
  'board_applications',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull().unique(),
    status: text('status').$type<OneOf<typeof APPLICATION_STATUSES>>().notNull().default('submitted'),
    locale: text('locale').$type<OneOf<typeof LOCALES>>().notNull().default('en'),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    zip: text('zip'),
    spa: text('spa').$type<OneOf<typeof SPA_CODES>>(),
    populations: text('populations').array().$type<OneOf<typeof FOCUS_POPULATIONS>[]>().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().$type<OneOf<typeof LANGUAGES>[]>().notNull().default(sql`'{}'::text[]`),
    availability: text('availability'),
    accessibilityNeeds: text('accessibility_needs').array().$type<OneOf<typeof ACCESSIBILITY_NEEDS>[]>().notNull().default(sql`'{}'::text[]`),
    accessibilityNotes: text('accessibility_notes'),
    stipendMethod: text('stipend_method').$type<OneOf<typeof STIPEND_METHODS>>(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    applicantUserId: uuid('applicant_user_id').references(() => users.id, { onDelete: 'set null' }),
    ipHash: text('ip_hash'),
    decisionMessage: text('decision_message'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('board_applications_status_check', inList(t.status, APPLICATION_STATUSES)),
    check('board_applications_locale_check', inList(t.locale, LOCALES)),
    check('board_applications_spa_check', inList(t.spa, SPA_CODES)),
    check('board_applications_populations_check', arrayWithin(t.populations, FOCUS_POPULATIONS)),
    check('board_applications_languages_check', arrayWithin(t.languages, LANGUAGES)),
    check('board_applications_needs_check', arrayWithin(t.accessibilityNeeds, ACCESSIBILITY_NEEDS)),
    check('board_applications_stipend_check', inList(t.stipendMethod, STIPEND_METHODS)),
    check('board_applications_contact_check', sql`${t.phone} is not null or ${t.email} is not null`),
    index('board_applications_board_idx').on(t.boardId, t.createdAt),
    index('board_applications_ip_idx').on(t.ipHash, t.createdAt),
  ],
);

/** One-use form tokens (the minimum fill time and the per-address limit on starting forms). */
export const boardApplicationForms = pgTable(
  'board_application_forms',
  {
    token: text('token').primaryKey(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    ipHash: text('ip_hash').notNull(),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    usedAt: ts('used_at'),
  },
  (t) => [index('board_application_forms_ip_idx').on(t.ipHash, t.issuedAt)],
);

/** One review per reviewer and application: scores by criterion key. A declared conflict does not count. */
export const boardReviews = pgTable(
  'board_reviews',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => boardApplications.id, { onDelete: 'cascade' }),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    comment: text('comment'),
    conflict: boolean('conflict').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.reviewerUserId] })],
);

export const boardMembers = pgTable(
  'board_members',
  {
    id: id(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .unique()
      .references(() => boardApplications.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    seat: integer('seat'),
    role: text('role').$type<OneOf<typeof MEMBER_ROLES>>().notNull().default('member'),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end').notNull(),
    status: text('status').$type<OneOf<typeof MEMBER_STATUSES>>().notNull().default('active'),
    renewals: integer('renewals').notNull().default(0),
    exitReason: text('exit_reason').$type<OneOf<typeof EXIT_REASONS>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('board_members_role_check', inList(t.role, MEMBER_ROLES)),
    check('board_members_status_check', inList(t.status, MEMBER_STATUSES)),
    check('board_members_exit_check', inList(t.exitReason, EXIT_REASONS)),
    check('board_members_term_check', sql`${t.termStart} <= ${t.termEnd}`),
    index('board_members_board_idx').on(t.boardId),
  ],
);

export const boardCharterAcknowledgements = pgTable(
  'board_charter_acknowledgements',
  {
    charterId: uuid('charter_id')
      .notNull()
      .references(() => boardCharters.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => boardMembers.id, { onDelete: 'cascade' }),
    acknowledgedAt: createdAt(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.charterId, t.memberId] }), index('board_charter_ack_member_idx').on(t.memberId)],
);
