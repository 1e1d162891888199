import { migrate } from 'drizzle-orm/node-postgres/migrator';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createDb } from './client';
import { repoRoot } from './paths';

export const MIGRATIONS_DIR = path.join(repoRoot, 'db/migrations');

/** Extensions the schema relies on; created before drizzle's migrations run. */
const EXTENSIONS = ['pg_trgm', 'unaccent', 'cube', 'earthdistance', 'btree_gin'];

/** Held while migrating, so API processes starting together migrate one after the other. */
const MIGRATION_LOCK = 7_428_001;

/**
 * Applies what is pending. Several processes may start at once (two API replicas): each takes a
 * session advisory lock on its one connection first, so the second finds the work done.
 */
export const runMigrations = async (url: string) => {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await pool.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    for (const ext of EXTENSIONS) await pool.query(`create extension if not exists ${ext}`);
    await migrate(createDb(pool), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await pool.end();
  }
};

/** Number of migrations committed in the repo (from drizzle-kit's journal). */
export const expectedMigrationCount = (): number => {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
};

/** How many migrations the database has applied (0 when drizzle's table is missing). */
export const appliedMigrationCount = async (query: (sql: string) => Promise<{ rows: { n: number }[] }>): Promise<number> => {
  try {
    const { rows } = await query('select count(*)::int as n from drizzle.__drizzle_migrations');
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  }
};
