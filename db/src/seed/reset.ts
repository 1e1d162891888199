import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client';
import * as schema from '../schema';

/** Names of every table in the drizzle schema. */
export const schemaTableNames = (): string[] =>
  (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => is(v, PgTable))
    .map((t) => getTableName(t))
    .sort();

/** Empties every table in the schema (TRUNCATE ... CASCADE), for `seed --force`. */
export const truncateAll = async (db: DbOrTx) => {
  const names = schemaTableNames().map((n) => `"${n.replace(/"/g, '""')}"`);
  await db.execute(sql.raw(`truncate table ${names.join(', ')} restart identity cascade`));
  return names.length;
};
