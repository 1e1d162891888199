import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/**
 * A drizzle `sql` fragment as the `{ text, values }` a plain pg client runs: lets a benchmark
 * baseline send exactly the SQL the API sends, without drizzle's session in the way.
 */
export const toRawQuery = (q: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { text, values: params };
};
