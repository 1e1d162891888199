import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle; repos accept `Db | Tx` so callers decide the transaction boundary. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

// Return DATE columns as strings and BIGINT counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export interface PoolOptions {
  max?: number;
  statementTimeoutMs?: number;
  onError?: (err: Error) => void;
  applicationName?: string;
}

/**
 * One pg pool per process. Clients that lose their server (PostgreSQL restarts), idle or checked
 * out, emit 'error'; we log it instead of crashing, and the pool opens fresh connections for
 * the next queries, so the API recovers by itself when the server is back.
 */
export const createPool = (url: string, opts: PoolOptions = {}) => {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 15_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: opts.applicationName ?? 'tandem',
    // Many short concurrent queries on few cores: parallel workers only compete with each other.
    options: '-c max_parallel_workers_per_gather=0',
  });
  pool.on('error', (err) => opts.onError?.(err));
  // The pool listens for errors of idle clients only: a client that is checked out (between the
  // statements of a transaction, or before its release) and loses its server emitted 'error' with
  // no listener, which throws and ends the process. Its next query fails instead (a 503).
  pool.on('connect', (client) => client.on('error', (err) => opts.onError?.(err)));
  return pool;
};

export const createDb = (pool: pg.Pool): Db => drizzle(pool, { schema });
