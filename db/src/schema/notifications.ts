import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { EMAIL_NOTIFICATION_KINDS, NOTIFICATION_ENTITY_TYPES, NOTIFICATION_KINDS } from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, ts, updatedAt, version } from './helpers';
import { users } from './accounts';
import { referrals } from './referrals';

/**
 * The in-app inbox, one row per user and event (services/api/src/modules/notifications). A row
 * points at any entity (`entity_type` + `entity_id`), so any module can notify without the
 * notifications module knowing its tables. `referral_id` is kept beside them only so a deleted
 * referral takes its notifications with it (ON DELETE CASCADE); it equals entity_id when
 * entity_type = 'referral', else null.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    referralId: uuid('referral_id').references(() => referrals.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** What the title says, as data (status, overdue step, other organization, client initials): clients word it in their language. */
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    check('notifications_entity_type_check', inList(t.entityType, NOTIFICATION_ENTITY_TYPES)),
    // Both or neither: an entity is a type and an id.
    check('notifications_entity_check', sql`(${t.entityType} is null) = (${t.entityId} is null)`),
  ],
);

/**
 * Which kinds a user does not want (issue 24). No row = every kind. Stored as the kinds turned
 * off, so a kind added later reaches everyone until they turn it off. Versioned: a write names
 * the version it read (CONVENTIONS, one concurrency rule); no row reads as version 1.
 */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    mutedKinds: text('muted_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** The emailable kinds (EMAIL_NOTIFICATION_KINDS) the user does not want by email; stored as the ones off, like muted_kinds. */
    emailMutedKinds: text('email_muted_kinds').array().notNull().default(sql`'{}'::text[]`),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('notification_settings_kinds_check', arrayWithin(t.mutedKinds, NOTIFICATION_KINDS)),
    check('notification_settings_email_kinds_check', arrayWithin(t.emailMutedKinds, EMAIL_NOTIFICATION_KINDS)),
  ],
);

