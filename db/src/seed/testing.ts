import type pg from 'pg';
import { createDb, createPool } from '../client';
import { createTestDatabase, type TestDatabase } from '../testing/template-db';
import { isDatabaseEmpty, seedDemo, type SeedSummary } from './index';

/** The fixed `now` the seed tests use, so their figures do not move with the calendar. */
export const SEED_TEST_NOW = new Date('2026-11-10T18:00:00Z');

export interface Seeded {
  tdb: TestDatabase;
  pool: pg.Pool;
  summary: SeedSummary;
  ms: number;
}

/** A fresh database seeded with the demo data (shared by the seed tests). */
export const seedFresh = async (): Promise<Seeded> => {
  const tdb = await createTestDatabase();
  const pool = createPool(tdb.url, { max: 2 });
  const db = createDb(pool);
  expect(await isDatabaseEmpty(db)).toBe(true);
  const started = Date.now();
  const summary = await seedDemo(db, { now: SEED_TEST_NOW });
  const ms = Date.now() - started;
  expect(await isDatabaseEmpty(db)).toBe(false);
  return { tdb, pool, summary, ms };
};

export const dropSeeded = async (s: Seeded | undefined) => {
  await s?.pool.end();
  await s?.tdb.drop();
};
