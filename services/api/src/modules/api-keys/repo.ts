import { and, desc, eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '@tandem/db';

const { apiKeys } = schema;
const cols = {
  id: apiKeys.id,
  organizationId: apiKeys.organizationId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export const apiKeysRepo = {
  one: async (db: DbOrTx, orgId: string, id: string) => (await db.select(cols).from(apiKeys).where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, orgId))))[0],
  list: (db: DbOrTx, orgId: string) => db.select(cols).from(apiKeys).where(eq(apiKeys.organizationId, orgId)).orderBy(desc(apiKeys.createdAt)),
  insert: async (db: DbOrTx, row: typeof apiKeys.$inferInsert) => (await db.insert(apiKeys).values(row).returning(cols))[0]!,
  revoke: async (db: DbOrTx, orgId: string, id: string) => {
    const [row] = await db
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.organizationId, orgId)))
      .returning(cols);
    return row;
  },
};
export type ApiKeyRow = Awaited<ReturnType<typeof apiKeysRepo.insert>>;
