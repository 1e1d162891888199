import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './helpers';

/**
 * The request rate limit's counters when RATE_LIMIT_STORE=postgres (services/api/src/lib/
 * rate-limit-store.ts): one row per caller (an actor id or an address), so every API process counts
 * against the same budget. UNLOGGED (migration): counters are not worth a WAL write, and a crash
 * that empties them only restarts the minute. The worker deletes rows idle for an hour.
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  windowStart: ts('window_start').notNull(),
});

/**
 * When a background worker last ran its once-a-minute heartbeat job (services/worker), one row:
 * /readyz reports it so an operator sees a stopped worker (jobs would pile up unseen).
 */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  name: text('name').primaryKey(),
  seenAt: ts('seen_at').notNull(),
});
