import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { API_SCOPES, LOCALES, ROLES } from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, type OneOf, ts, updatedAt } from './helpers';
import { organizations } from './directory';

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    // argon2id PHC string; null until an invited user sets a password.
    passwordHash: text('password_hash'),
    locale: text('locale').$type<OneOf<typeof LOCALES>>().notNull().default('en'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`), check('users_locale_check', inList(t.locale, LOCALES))],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role').$type<OneOf<typeof ROLES>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organizationId] }),
    index('memberships_org_idx').on(t.organizationId),
    check('memberships_role_check', inList(t.role, ROLES)),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha256 of the cookie token: a leaked table does not give working sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    ip: inet('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    // The role the membership gets on acceptance. A person who already has an account becomes a
    // member only when they accept (ARCHITECTURE §4); null on invitations made before this column.
    role: text('role').$type<OneOf<typeof ROLES>>(),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
  },
  (t) => [index('invitations_user_idx').on(t.userId), check('invitations_role_check', inList(t.role, ROLES))],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    // sha256 of the secret; keys are long random strings, so a fast hash is enough here.
    secretHash: text('secret_hash').notNull().unique(),
    scopes: text('scopes').array().$type<OneOf<typeof API_SCOPES>[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_keys_org_idx').on(t.organizationId), check('api_keys_scopes_check', arrayWithin(t.scopes, API_SCOPES))],
);

/**
 * Sign-in throttle state, one row per key (services/api/src/modules/auth/throttle.ts): an
 * (account, address) pair, an account, or an address. Keys are `pair:`/`account:`/`address:` plus a
 * sha256, so neither emails nor addresses are stored. Kept in PostgreSQL so every API process agrees;
 * a sign-in locks its rows (FOR UPDATE) to count the attempt before the password check.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  // Attempts counted as failures in the current window (a successful sign-in refunds its own).
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start').notNull(),
  // No attempt for this key is checked before this instant.
  blockedUntil: ts('blocked_until'),
  // For a pair: the last successful sign-in, which exempts the pair from the account throttle.
  lastSuccessAt: ts('last_success_at'),
});

/**
 * Range-partitioned by month on `at` (migration 0021, docs/decisions/0005-audit-log-partitions.md):
 * drizzle cannot declare partitioning, so the migration creates the table, its DEFAULT partition
 * and `tandem_audit_partitions(months_ahead)`, which the API calls on start and daily. A
 * partitioned table's primary key must hold the partition key, hence (id, at).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    at: ts('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    actorOrgId: uuid('actor_org_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    // Organization the entity belongs to, so org admins can read their own trail.
    organizationId: uuid('organization_id'),
    requestId: text('request_id'),
    ip: inet('ip'),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>(),
  },
  (t) => [
    primaryKey({ name: 'audit_log_pkey', columns: [t.id, t.at] }),
    index('audit_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_org_at_idx').on(t.organizationId, t.at),
    index('audit_actor_at_idx').on(t.actorUserId, t.at),
    // The audit page's filters (who: an API key; what: an action) and change history (an
    // organization's directory changes, without the reads filed under it), within each month.
    index('audit_key_at_idx').on(t.actorApiKeyId, t.at).where(sql`${t.actorApiKeyId} is not null`),
    index('audit_action_at_idx').on(t.action, t.at),
    index('audit_org_changes_idx')
      .on(t.organizationId, t.at)
      .where(sql`${t.entityType} in ('organization', 'service', 'location', 'contact', 'agreement')`),
  ],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    // Who sent it (user or API key id) + the key: keys are per caller.
    actor: text('actor').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    createdAt: createdAt(),
    completedAt: ts('completed_at'),
    // The request now working on the key (a fresh uuid per claim) and until when it may: after
    // the lease a retry re-claims a key whose write did not commit (a crashed or stuck request).
    claim: uuid('claim'),
    leaseUntil: ts('lease_until').notNull().defaultNow(),
    // Set by the write's own transaction (plugins/idempotency.ts markCommitted): once set, the key
    // never writes again, even when its answer was never stored (5xx after commit, crash).
    committedAt: ts('committed_at'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
  },
  (t) => [primaryKey({ columns: [t.actor, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/**
 * Password reset links (POST /api/v1/auth/password-reset): the token is sent by email and kept
 * here only as its sha256; single use (used_at), short-lived (expires_at). A reset request also
 * counts against its rate limit from these rows (how many were made for the account lately).
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId, t.createdAt)],
);
