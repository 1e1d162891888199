import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ENGAGEMENT_EVENT_TYPES, EVENT_MODALITIES, FOCUS_POPULATIONS, SPA_CODES, type FollowUp } from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, type OneOf, ts, updatedAt, version } from './helpers';
import { users } from './accounts';
import { organizations } from './directory';

/**
 * Engagement events the collaboration team logs (services/api/src/modules/engagement). Removed
 * events stay (soft delete: deleted_at, deleted_by, delete_reason) so the history keeps them.
 * Attendee groups are columns, checked against the total by the same rule as the contract's
 * (engagement/rules.ts): the four affiliations add up to at most the total; lived experience,
 * which overlaps them, is at most the total on its own.
 */
export const engagementEvents = pgTable(
  'engagement_events',
  {
    id: id(),
    title: text('title').notNull(),
    type: text('type').$type<OneOf<typeof ENGAGEMENT_EVENT_TYPES>>().notNull(),
    startsAt: ts('starts_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    spas: text('spas').array().$type<OneOf<typeof SPA_CODES>[]>().notNull(),
    modality: text('modality').$type<OneOf<typeof EVENT_MODALITIES>>().notNull().default('in_person'),
    address: text('address'),
    focusPopulations: text('focus_populations').array().$type<OneOf<typeof FOCUS_POPULATIONS>[]>().notNull(),
    attendeeCount: integer('attendee_count').notNull(),
    communityMembers: integer('community_members'),
    cboStaff: integer('cbo_staff'),
    countyStaff: integer('county_staff'),
    healthSystemStaff: integer('health_system_staff'),
    livedExperience: integer('lived_experience'),
    summary: text('summary'),
    followUps: jsonb('follow_ups').$type<FollowUp[]>().notNull().default([]),
    /** Occurrences created together as a series share this id (no table of its own: each occurrence is an ordinary event). */
    seriesId: uuid('series_id'),
    /** The spreadsheet row id a CSV import took the event from: importing the same file again changes nothing. */
    sourceId: text('source_id').unique(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
    deletedAt: ts('deleted_at'),
    deletedBy: uuid('deleted_by').references(() => users.id, { onDelete: 'set null' }),
    deleteReason: text('delete_reason'),
  },
  (t) => [
    check('engagement_events_type_check', inList(t.type, ENGAGEMENT_EVENT_TYPES)),
    check('engagement_events_modality_check', inList(t.modality, EVENT_MODALITIES)),
    check('engagement_events_spas_check', sql`cardinality(${t.spas}) > 0 and ${arrayWithin(t.spas, SPA_CODES)}`),
    check('engagement_events_populations_check', sql`cardinality(${t.focusPopulations}) > 0 and ${arrayWithin(t.focusPopulations, FOCUS_POPULATIONS)}`),
    check('engagement_events_duration_check', sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 1440`),
    check(
      'engagement_events_attendees_check',
      sql`${t.attendeeCount} >= 0
        and coalesce(${t.communityMembers}, 0) >= 0 and coalesce(${t.cboStaff}, 0) >= 0 and coalesce(${t.countyStaff}, 0) >= 0
        and coalesce(${t.healthSystemStaff}, 0) >= 0 and coalesce(${t.livedExperience}, 0) >= 0
        and coalesce(${t.communityMembers}, 0) + coalesce(${t.cboStaff}, 0) + coalesce(${t.countyStaff}, 0) + coalesce(${t.healthSystemStaff}, 0) <= ${t.attendeeCount}
        and coalesce(${t.livedExperience}, 0) <= ${t.attendeeCount}`,
    ),
    check('engagement_events_deleted_check', sql`(${t.deletedAt} is null) = (${t.deleteReason} is null)`),
    index('engagement_events_starts_idx').on(t.startsAt, t.id),
    index('engagement_events_spas_idx').using('gin', t.spas),
    index('engagement_events_series_idx').on(t.seriesId),
  ],
);

export const engagementEventOrganizations = pgTable(
  'engagement_event_organizations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => engagementEvents.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organizationId] }), index('engagement_event_organizations_org_idx').on(t.organizationId)],
);

export const engagementEventStaff = pgTable(
  'engagement_event_staff',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => engagementEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('engagement_event_staff_user_idx').on(t.userId)],
);

/**
 * Service gaps an event is linked to. No foreign key: gaps belong to another module, which
 * validates the ids when they are written (GapLookup in the engagement module's wiring).
 */
export const engagementEventGaps = pgTable(
  'engagement_event_gaps',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => engagementEvents.id, { onDelete: 'cascade' }),
    gapId: uuid('gap_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.gapId] }), index('engagement_event_gaps_gap_idx').on(t.gapId)],
);

/**
 * The State's quarterly roll-up, kept (issue 25): per Los Angeles month (YYYY-MM) and State
 * focus-population category ('' = the month's total), the live events and their attendees, an
 * event once per category it falls in and once in the total. Maintained in the same transaction as
 * every write of engagement_events by the trigger of migration engagement_state_rollup_trigger, so
 * the State report reads 3 × 8 rows whatever the number of events (docs/reports-performance.md).
 */
export const engagementStateRollup = pgTable(
  'engagement_state_rollup',
  {
    month: text('month').notNull(),
    category: text('category').notNull(),
    events: integer('events').notNull().default(0),
    attendees: integer('attendees').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.category] })],
);
