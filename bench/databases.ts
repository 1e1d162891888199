import pg from 'pg';
import { runMigrations } from '../db/src/migrate';

/**
 * A database of a group's own on the bench's server (`<bench database>_<suffix>`), created when
 * missing and migrated: for groups whose data would clash with the others' (the mixed workload's
 * 20,000 services and its growth from 1% to full size; the audit group empties its audit log).
 * With BENCH_DATABASE_URL the role needs CREATEDB; a database an earlier run made is reused,
 * unless `fresh` (then it is dropped and made again: it holds bench data only).
 */
export const groupDatabase = async (benchUrl: string, suffix: string, opts: { fresh?: boolean } = {}) => {
  const u = new URL(benchUrl);
  const name = `${decodeURIComponent(u.pathname.slice(1)) || 'postgres'}_${suffix}`;
  const admin = new pg.Client({ connectionString: benchUrl });
  await admin.connect();
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    if (opts.fresh) await admin.query(`drop database if exists ${quoted} with (force)`);
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await admin.query(`create database ${quoted}`);
  } finally {
    await admin.end();
  }
  u.pathname = `/${encodeURIComponent(name)}`;
  const url = u.toString();
  await runMigrations(url);
  return url;
};

/** Median of a list of numbers (NaN when empty). */
export const median = (xs: number[]) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
