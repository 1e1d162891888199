import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { locations } = schema;

export const locationsRepo = {
  page: async (db: DbOrTx, orgId: string, limit: number, after?: [string, string]) =>
    db
      .select()
      .from(locations)
      .where(and(eq(locations.organizationId, orgId), after ? sql`(lower(${locations.name}), ${locations.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
      .orderBy(sql`lower(${locations.name})`, asc(locations.id))
      .limit(limit + 1),
  one: async (db: DbOrTx, id: string) => (await db.select().from(locations).where(eq(locations.id, id)))[0],
  lock: async (db: DbOrTx, id: string) => (await db.select().from(locations).where(eq(locations.id, id)).for('update'))[0],
  insert: async (db: DbOrTx, row: typeof locations.$inferInsert) => (await db.insert(locations).values(row).returning())[0]!,
  update: async (db: DbOrTx, id: string, set: Partial<typeof locations.$inferInsert>) =>
    (await db.update(locations).set({ ...set, updatedAt: sql`now()` }).where(eq(locations.id, id)).returning())[0]!,
};
