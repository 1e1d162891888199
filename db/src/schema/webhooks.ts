import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { WEBHOOK_DELIVERY_STATES, WEBHOOK_EVENTS, WEBHOOK_STATUSES } from '@tandem/contract';
import { arrayWithin, createdAt, id, inList, ts, updatedAt, version, type OneOf } from './helpers';
import { apiKeys, users } from './accounts';
import { organizations } from './directory';

/**
 * An organization's subscription of an HTTPS URL to event types (services/api/src/modules/webhooks).
 * The secret signs each delivery, so it is kept as is (a hash could not sign); during a rotation the
 * previous one signs too until `previous_secret_expires_at`.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().notNull().$type<OneOf<typeof WEBHOOK_EVENTS>[]>(),
    status: text('status').notNull().default('active').$type<OneOf<typeof WEBHOOK_STATUSES>>(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: ts('previous_secret_expires_at'),
    pausedAt: ts('paused_at'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdByApiKeyId: uuid('created_by_api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    check('webhook_subscriptions_status_check', inList(t.status, WEBHOOK_STATUSES)),
    check('webhook_subscriptions_events_check', arrayWithin(t.events, WEBHOOK_EVENTS)),
    index('webhook_subscriptions_org_idx').on(t.organizationId, t.createdAt),
  ],
);

/**
 * One event for one subscription. `event_id` is the outbox row's id (the same for every
 * subscription and every redelivery: receivers de-duplicate by it). Deliveries of one referral to
 * one subscription go out one at a time in (`referral_version`, `seq`) order.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    event: text('event').notNull(),
    /** The stream the delivery belongs to: its referral, or null (test events: a stream of their own). */
    referralId: uuid('referral_id'),
    referralVersion: integer('referral_version'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state').notNull().default('pending').$type<OneOf<typeof WEBHOOK_DELIVERY_STATES>>(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    check('webhook_deliveries_state_check', inList(t.state, WEBHOOK_DELIVERY_STATES)),
    index('webhook_deliveries_stream_idx').on(t.subscriptionId, t.referralId, t.referralVersion, t.seq).where(sql`${t.state} = 'pending'`),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
  ],
);

/** The delivery log: one row per HTTP attempt (never the request body; an excerpt of the response). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: createdAt(),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    error: text('error'),
    responseExcerpt: text('response_excerpt'),
  },
  (t) => [index('webhook_attempts_subscription_idx').on(t.subscriptionId, t.at, t.id)],
);
