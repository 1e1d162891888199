import { randomBytes } from 'node:crypto';
import type { Role } from '@tandem/contract';
import type { DbOrTx } from '../client';
import { hashPassword } from '../passwords';
import { memberships, organizations, users } from '../schema';

export const TEST_PASSWORD = 'correct-horse-battery';
let cachedHash: Promise<string> | undefined;
// One argon2 hash per test process: hashing is slow on purpose, tests need many users.
const testHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

const uniq = () => randomBytes(4).toString('hex');

export const newOrg = async (db: DbOrTx, over: Partial<typeof organizations.$inferInsert> = {}) => {
  const [row] = await db
    .insert(organizations)
    .values({ name: `Test Org ${uniq()}`, type: 'cbo', spas: ['spa4'], languages: ['en', 'es'], ...over })
    .returning();
  return row!;
};

export const newUser = async (
  db: DbOrTx,
  opts: { org?: { id: string }; role?: Role; email?: string; name?: string; password?: string | null } = {},
) => {
  const passwordHash = opts.password === null ? null : opts.password ? await hashPassword(opts.password) : await testHash();
  const [user] = await db
    .insert(users)
    .values({ email: opts.email ?? `user-${uniq()}@test.example`, name: opts.name ?? `Test User ${uniq()}`, passwordHash })
    .returning();
  if (opts.org) await db.insert(memberships).values({ userId: user!.id, organizationId: opts.org.id, role: opts.role ?? 'staff' });
  return { ...user!, password: opts.password ?? TEST_PASSWORD };
};
