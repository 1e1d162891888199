import { createHash } from 'node:crypto';

/** Statement names by SQL text (bounded: a runaway variety of texts stops being remembered, not named). */
const names = new Map<string, string>();
const MAX_REMEMBERED = 5_000;

/**
 * A stable name for a statement text: the same text always gets the same name, in every process,
 * and two texts never share one (node-postgres refuses a name reused for another text).
 */
export const statementName = (text: string) => {
  let name = names.get(text);
  if (!name) {
    name = `t_${createHash('sha1').update(text).digest('hex').slice(0, 30)}`;
    if (names.size < MAX_REMEMBERED) names.set(text, name);
  }
  return name;
};

interface Preparable {
  toSQL(): { sql: string };
  prepare(name: string): { execute(placeholders?: Record<string, unknown>): Promise<unknown> };
}
type Executed<Q extends Preparable> = Awaited<ReturnType<ReturnType<Q['prepare']>['execute']>>;

/**
 * Runs a drizzle query as a named prepared statement, named by its text. Each pool connection
 * parses it once; after five executions PostgreSQL keeps a generic plan when it costs no more than
 * the custom ones, so the statement is no longer planned at all. Planning is what the hot reads
 * cost most: the referral detail (seven tables joined) plans in ~3.5 ms and runs in ~0.5 ms on the
 * bench machine.
 *
 * Only for statements whose best plan does not depend on the values: lookups by primary or unique
 * key and their joins by key. Never for searches or lists whose plan turns on how many rows a value
 * matches (a generic plan of the inbox page, sized for an average organization, sorted a hub's
 * 50,000 referrals: 55 ms instead of 1).
 *
 * Behind a transaction-mode connection pooler (PgBouncer before 1.21) named statements fail:
 * Tandem expects a direct connection or a pooler with prepared-statement support.
 */
export const prepared = <Q extends Preparable>(query: Q): Promise<Executed<Q>> =>
  query.prepare(statementName(query.toSQL().sql)).execute() as Promise<Executed<Q>>;

const built = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per database handle and kept: each call only binds values to its
 * placeholders (`sql.placeholder`). Building a query is most of what a signed-in request costs
 * Node here: drizzle turned the session lookup into SQL text in more time than the round trip
 * took (35% of the API's CPU on an authenticated health check under load).
 *
 * `build` must return the same statement every time for this `key`, and prepare it under a name
 * that is unique to it (or '' for an unnamed statement, planned with the values each time: see
 * `prepared` for which statements may keep a generic plan). A transaction is its own handle, so
 * within one the query is built once per transaction: keep these for pool reads.
 */
export const reuse = <P>(db: object, key: string, build: () => P): P => {
  let byKey = built.get(db);
  if (!byKey) built.set(db, (byKey = new Map()));
  let query = byKey.get(key) as P | undefined;
  if (query === undefined) byKey.set(key, (query = build()));
  return query;
};
