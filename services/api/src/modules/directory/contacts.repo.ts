import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { contacts, services } = schema;

export const contactsRepo = {
  page: async (db: DbOrTx, orgId: string, includePrivate: boolean, limit: number, after?: [string, string]) =>
    db
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.organizationId, orgId),
          includePrivate ? undefined : eq(contacts.isPublic, true),
          after ? sql`(lower(${contacts.name}), ${contacts.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`lower(${contacts.name})`, asc(contacts.id))
      .limit(limit + 1),
  one: async (db: DbOrTx, id: string) => (await db.select().from(contacts).where(eq(contacts.id, id)))[0],
  lock: async (db: DbOrTx, id: string) => (await db.select().from(contacts).where(eq(contacts.id, id)).for('update'))[0],
  insert: async (db: DbOrTx, row: typeof contacts.$inferInsert) => (await db.insert(contacts).values(row).returning())[0]!,
  update: async (db: DbOrTx, id: string, set: Partial<typeof contacts.$inferInsert>) =>
    (await db.update(contacts).set({ ...set, updatedAt: sql`now()` }).where(eq(contacts.id, id)).returning())[0]!,
  remove: async (db: DbOrTx, id: string) => db.delete(contacts).where(eq(contacts.id, id)),
  serviceOfOrg: async (db: DbOrTx, orgId: string, serviceId: string) =>
    (await db.select({ id: services.id }).from(services).where(and(eq(services.id, serviceId), eq(services.organizationId, orgId)))).length > 0,
};
