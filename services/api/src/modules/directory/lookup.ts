import { inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

/**
 * What other modules may ask the directory about organizations they name by id (engagement's
 * partner organizations): which exist, and their names. Nothing else.
 */
export const organizationLookup = {
  named: async (db: DbOrTx, ids: string[]): Promise<{ id: string; name: string }[]> =>
    ids.length
      ? db.select({ id: schema.organizations.id, name: schema.organizations.name }).from(schema.organizations).where(inArray(schema.organizations.id, ids))
      : [],
};
