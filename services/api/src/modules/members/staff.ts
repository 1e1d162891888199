import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { users, memberships } = schema;

/**
 * Names of those of `ids` who are network staff (collaboration team or network admin) and active:
 * who may own a service gap (issue 25). Others are left out, so the caller can name them in a 422.
 */
export const networkStaffNames = async (db: DbOrTx, ids: string[]): Promise<Map<string, string>> => {
  if (!ids.length) return new Map();
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(inArray(users.id, ids), eq(users.active, true), sql`${memberships.role} in ('collaboration_team', 'network_admin')`));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Names of these users (a gap's history names who acted). */
export const userNames = async (db: DbOrTx, ids: string[]): Promise<Map<string, string>> => {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
};
