import { sql, type SQL } from 'drizzle-orm';
import { timestamp, uuid, integer, type AnyPgColumn } from 'drizzle-orm/pg-core';

const quote = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** The values of one of the contract's `as const` enum arrays, for a column's `$type<…>()` (its CHECK holds the same array). */
export type OneOf<T extends readonly string[]> = T[number];

/** CHECK (col IN (...)) from one of the contract's `as const` enum arrays. */
export const inList = (col: AnyPgColumn, values: readonly string[]): SQL => sql`${col} in (${sql.raw(quote(values))})`;
/** CHECK (array col only holds allowed values). */
export const arrayWithin = (col: AnyPgColumn, values: readonly string[]): SQL =>
  sql`${col} <@ array[${sql.raw(quote(values))}]::text[]`;

export const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const version = () => integer('version').notNull().default(1);
