import { and, eq, inArray } from 'drizzle-orm';
import { NETWORK_ROLES } from '@tandem/contract';
import { schema, type DbOrTx } from '@tandem/db';

const { users, memberships } = schema;

/**
 * What other modules may ask about people they name by id (engagement's staff leads): who may
 * lead network work (an active user holding a network-wide role), and anyone's name.
 */
export const staffLookup = {
  /** Which of these users are active and hold collaboration_team, board_coordinator or network_admin somewhere. */
  networkStaff: async (db: DbOrTx, ids: string[]): Promise<string[]> =>
    ids.length
      ? [
          ...new Set(
            (
              await db
                .select({ id: users.id })
                .from(users)
                .innerJoin(memberships, eq(memberships.userId, users.id))
                .where(and(inArray(users.id, ids), eq(users.active, true), inArray(memberships.role, [...NETWORK_ROLES])))
            ).map((r) => r.id),
          ),
        ]
      : [],
  named: async (db: DbOrTx, ids: string[]): Promise<{ id: string; name: string }[]> =>
    ids.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [],
};
