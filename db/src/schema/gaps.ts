import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { COMMUNITY_SUPPORTS, FOCUS_POPULATIONS, GAP_EVENT_KINDS, GAP_SEVERITIES, GAP_STATUSES, SDOH_CATEGORIES, SPA_CODES } from '@tandem/contract';
import { createdAt, id, inList, type OneOf, ts, updatedAt, version } from './helpers';
import { users } from './accounts';

/**
 * Service gaps (issue 25, services/api/src/modules/gaps): a region (SPA) lacking an SDOH category
 * or a Community Support. Linked agreements are ids the directory module validates (no foreign
 * key into its table: a deleted agreement leaves a dangling id the answer drops); linked
 * engagement events live in the engagement module's own table.
 */
export const serviceGaps = pgTable(
  'service_gaps',
  {
    id: id(),
    title: text('title').notNull(),
    spa: text('spa').$type<OneOf<typeof SPA_CODES>>().notNull(),
    category: text('category').$type<OneOf<typeof SDOH_CATEGORIES>>(),
    communitySupport: text('community_support').$type<OneOf<typeof COMMUNITY_SUPPORTS>>(),
    focusPopulation: text('focus_population').$type<OneOf<typeof FOCUS_POPULATIONS>>(),
    description: text('description'),
    severity: text('severity').$type<OneOf<typeof GAP_SEVERITIES>>().notNull().default('medium'),
    status: text('status').$type<OneOf<typeof GAP_STATUSES>>().notNull().default('identified'),
    statusRationale: text('status_rationale'),
    statusChangedAt: ts('status_changed_at').notNull().defaultNow(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    linkedAgreementIds: uuid('linked_agreement_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    // The board: newest first, all or one status, keyset on (created_at, id).
    index('service_gaps_recent_idx').on(t.createdAt, t.id),
    index('service_gaps_status_idx').on(t.status, t.createdAt, t.id),
    // The coverage matrix counts open gaps per SPA × category / Community Support.
    index('service_gaps_open_cell_idx').on(t.spa, t.category, t.communitySupport).where(sql`${t.status} in ('identified', 'escalated', 'in_progress')`),
    check('service_gaps_spa_check', inList(t.spa, SPA_CODES)),
    check('service_gaps_category_check', sql`${t.category} is null or ${inList(t.category, SDOH_CATEGORIES)}`),
    check('service_gaps_cs_check', sql`${t.communitySupport} is null or ${inList(t.communitySupport, COMMUNITY_SUPPORTS)}`),
    check('service_gaps_subject_check', sql`(${t.category} is null) <> (${t.communitySupport} is null)`),
    check('service_gaps_focus_check', sql`${t.focusPopulation} is null or ${inList(t.focusPopulation, FOCUS_POPULATIONS)}`),
    check('service_gaps_severity_check', inList(t.severity, GAP_SEVERITIES)),
    check('service_gaps_status_check', inList(t.status, GAP_STATUSES)),
    check('service_gaps_rationale_check', sql`${t.status} <> 'not_pursued' or ${t.statusRationale} is not null`),
  ],
);

/** A gap's history, append-only: creation, edits (changed fields), status changes, notes. */
export const serviceGapEvents = pgTable(
  'service_gap_events',
  {
    id: id(),
    gapId: uuid('gap_id')
      .notNull()
      .references(() => serviceGaps.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').$type<OneOf<typeof GAP_EVENT_KINDS>>().notNull(),
    fromStatus: text('from_status').$type<OneOf<typeof GAP_STATUSES>>(),
    toStatus: text('to_status').$type<OneOf<typeof GAP_STATUSES>>(),
    note: text('note'),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
  },
  (t) => [
    // History newest first, and notes in a period (the evidence), both per gap.
    index('service_gap_events_gap_idx').on(t.gapId, t.at, t.id),
    check('service_gap_events_kind_check', inList(t.kind, GAP_EVENT_KINDS)),
  ],
);
