import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect, type PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { QueryResult, QueryResultRow } from 'pg';
import type { DbOrTx } from './client';

const dialect = new PgDialect();
const built = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per database handle and kept: each call only binds values to its
 * placeholders (`sql.placeholder`). Building a query is much of what a request costs Node here:
 * drizzle turned the session lookup into SQL text in more time than the round trip took (35% of
 * the API's CPU on an authenticated health check under load, and 36% on create+send).
 *
 * `build` must return the same statement every time for this `key`, prepared under a name unique
 * to that statement, or under '' to stay unnamed:
 * - Named: each pool connection parses it once, and after five executions PostgreSQL keeps a
 *   generic plan when it costs no more than the custom ones, so it is no longer planned at all.
 *   Planning is what the referral detail cost most (seven tables: ~3.5 ms to plan, ~0.5 ms to
 *   run). Only for statements whose best plan does not depend on the values: lookups by primary
 *   or unique key and joins by key.
 * - Unnamed: planned with the values on every run. For lists and searches whose plan turns on how
 *   many rows a value matches (a generic plan of the inbox page, sized for an average
 *   organization, sorted a hub's 50,000 referrals: 55 ms instead of 1).
 *
 * A transaction is its own handle, so inside one the query is built once per transaction: read
 * on the pool where the transaction does not need the read. Named statements need a direct
 * connection or a pooler that supports them (PgBouncer 1.21+ in transaction mode).
 */
export const reuse = <P>(db: object, key: string, build: () => P): P => {
  let byKey = built.get(db);
  if (!byKey) built.set(db, (byKey = new Map()));
  let query = byKey.get(key) as P | undefined;
  if (query === undefined) byKey.set(key, (query = build()));
  return query;
};

/**
 * A raw `sql` statement with `sql.placeholder` values, prepared as a query builder's
 * `.prepare(name)` is (same rules: a name unique to the statement, or '' for unnamed). Build it
 * once with `reuse`; each call only binds values. Resolves to the rows.
 */
export const prepareSql = <Row>(db: DbOrTx, name: string, query: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const prepared = db._.session.prepareQuery<PreparedQueryConfig & { execute: QueryResult<Row & QueryResultRow> }>({ sql: text, params }, undefined, name, false);
  return {
    /** The statement as sent, values filled: for EXPLAIN. */
    text,
    params: (values: Record<string, unknown>) => fillPlaceholders(params, values),
    execute: async (values: Record<string, unknown>): Promise<Row[]> => (await prepared.execute(values)).rows,
  };
};
