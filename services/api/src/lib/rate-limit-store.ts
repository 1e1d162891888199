import type pg from 'pg';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

/**
 * One statement per request: start a caller's window, or count one more hit in it, and answer the
 * count and what is left of the window. The database's clock decides, so every API process agrees.
 */
const HIT = `
INSERT INTO rate_limit_windows AS w (key, hits, window_start) VALUES ($1, 1, now())
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN w.window_start + make_interval(secs => $2 / 1000.0) <= now() THEN 1 ELSE w.hits + 1 END,
  window_start = CASE WHEN w.window_start + make_interval(secs => $2 / 1000.0) <= now() THEN now() ELSE w.window_start END
RETURNING hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2 / 1000.0) - now())) * 1000))::int AS ttl`;

/**
 * The request rate limit's counters in PostgreSQL (RATE_LIMIT_STORE=postgres): every API process
 * on the database counts against the same per-caller budget, at one statement per request
 * (docs/scaling.md). The default store counts per process.
 */
export const postgresRateLimitStore = (pool: pg.Pool): FastifyRateLimitStoreCtor => {
  class PostgresStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      pool.query<{ hits: number; ttl: number }>(HIT, [key, timeWindow]).then(
        ({ rows: [row] }) => callback(null, { current: row!.hits, ttl: row!.ttl }),
        (err: Error) => callback(err),
      );
    }
    child() {
      return new PostgresStore();
    }
  }
  return PostgresStore as unknown as FastifyRateLimitStoreCtor;
};

/** Counters idle for longer than this are deleted (the worker's hourly prune). */
export const PRUNE_RATE_LIMIT_WINDOWS = `DELETE FROM rate_limit_windows WHERE window_start < now() - interval '1 hour'`;
