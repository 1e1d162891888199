import { sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@tandem/db';

/**
 * Runs several independent writes (inserts that return nothing) in ONE statement and one round
 * trip: `with w0 as (insert …), w1 as (insert …) select 1`. PostgreSQL executes every
 * data-modifying WITH part exactly once, to completion, in the same snapshot, whether or not the
 * outer query reads it, and the statement is atomic on its own. On this machine a round trip
 * costs more than the inserts (syscalls on both sides), so an event + outbox + notification +
 * audit record written together is one trip instead of four.
 *
 * Falsy parts are skipped, nested lists flattened. The parts must not depend on one another's rows (they share a snapshot).
 */
export const writeTogether = async (db: DbOrTx, parts: readonly WritePart[]) => {
  const writes = flat(parts);
  if (!writes.length) return;
  if (writes.length === 1) {
    await db.execute(writes[0]!.getSQL());
    return;
  }
  await db.execute(sql`with ${withParts(writes)} select 1`);
};

/**
 * A write for writeTogether or a statement's WITH list; falsy parts are skipped, nested lists
 * flattened (an audit row comes with its Idempotency-Key mark: lib/audit.ts auditInsert).
 */
export type WritePart = SQLWrapper | null | undefined | false | readonly WritePart[];

const flat = (parts: readonly WritePart[]): SQLWrapper[] => parts.flatMap((p) => (!p ? [] : Array.isArray(p) ? flat(p) : [p as SQLWrapper]));

/** The writes as WITH parts `w0 as (…), w1 as (…)` (without the WITH), falsy parts skipped; empty SQL for none. */
export const withParts = (parts: readonly WritePart[]) =>
  sql.join(
    flat(parts).map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`),
    sql`, `,
  );
