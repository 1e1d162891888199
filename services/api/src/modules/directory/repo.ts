import { and, asc, eq, ilike, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { organizations } = schema;
export type OrganizationRow = typeof organizations.$inferSelect;

export const organizationsRepo = {
  async page(db: DbOrTx, f: { limit: number; q?: string; type?: string; spa?: string; after?: [string, string] }) {
    return db
      .select()
      .from(organizations)
      .where(
        and(
          f.q ? ilike(organizations.name, `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
          f.type ? eq(organizations.type, f.type) : undefined,
          f.spa ? sql`${organizations.spas} @> array[${f.spa}]::text[]` : undefined,
          f.after ? sql`(lower(${organizations.name}), ${organizations.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`lower(${organizations.name})`, asc(organizations.id))
      .limit(f.limit + 1);
  },
  one: async (db: DbOrTx, id: string) => (await db.select().from(organizations).where(eq(organizations.id, id)))[0],
  insert: async (db: DbOrTx, row: typeof organizations.$inferInsert) => (await db.insert(organizations).values(row).returning())[0]!,
};
