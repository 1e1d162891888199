import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { createDb, createPool } from '../db/src/client';
import { generateAuditRows } from '../db/src/bulk';
import { recordAudit } from '../services/api/src/lib/audit';
import type { Ctx } from '../services/api/src/lib/actor';
import { groupDatabase, median, seconds } from './databases';
import type { Figure, MeasureContext, ScenarioGroup } from './types';

const ROUNDS = 10;
const PER_ROUND = 500;
const TARGET = 1.2;

/** A signed-in caller as the API's audited reads see one (the ids need not exist: no foreign keys). */
const ctx: Ctx = {
  actor: { kind: 'user', userId: '018f0000-0000-7000-8000-00000000bead', sessionId: 'bench', memberships: [{ organizationId: '018f0000-0000-7000-8000-00000000cafe', role: 'staff' }], isNetworkAdmin: false },
  requestId: 'bench-audit',
  ip: '127.0.0.1',
};

type Db = ReturnType<typeof createDb>;

/**
 * One round of the cost of an audit insert, through the API's own code path (`recordAudit`: the
 * named prepared INSERT every audited read runs), one connection, each insert its own
 * transaction: µs per insert over PER_ROUND inserts.
 */
const round = async (db: Db) => {
  const t = performance.now();
  for (let i = 0; i < PER_ROUND; i++) await one(db, i);
  return ((performance.now() - t) * 1000) / PER_ROUND;
};
const one = (db: Db, i: number) =>
  recordAudit(db, ctx, { action: 'referral.read', entityType: 'referral', entityId: `bench-${i}`, organizationId: '018f0000-0000-7000-8000-00000000cafe' });

const rowCount = async (pool: Pool) => Number((await pool.query<{ n: string }>('select count(*) as n from audit_log')).rows[0]!.n);

/**
 * Audit insert cost into an empty audit log and into one holding `--audit-rows` rows spread over
 * 72 months (generate_series inside PostgreSQL), each in a database of its own on the bench's
 * server. The rounds alternate between the two logs (empty, full, full, empty, …), so a shared
 * machine's drift hits both alike; the ratio is the median of each adjacent pair's ratio.
 * Target: the cost at that size ≤ 1.2× the cost when empty. A full log an earlier run loaded
 * with the same number of rows (± 1%) is reused; the empty one is emptied on every run.
 */
const measure = async ({ databaseUrl, log, options }: MeasureContext): Promise<Figure[]> => {
  const [emptyUrl, fullUrl] = [await groupDatabase(databaseUrl, 'audit_empty'), await groupDatabase(databaseUrl, 'audit')];
  const emptyPool = createPool(emptyUrl, { max: 1, applicationName: 'tandem-bench-audit', statementTimeoutMs: 0 });
  const fullPool = createPool(fullUrl, { max: 3, applicationName: 'tandem-bench-audit', statementTimeoutMs: 0 });
  try {
    await emptyPool.query('truncate audit_log');
    await emptyPool.query('analyze audit_log');
    const want = options.auditRows;
    const have = await rowCount(fullPool);
    let figures: Figure[] = [];
    if (have >= want && have <= want * 1.01) log(`audit: reusing the ${have.toLocaleString('en-US')} audit rows an earlier run loaded`);
    else {
      if (have > 0) await fullPool.query('truncate audit_log');
      const t = Date.now();
      const loaded = await generateAuditRows(fullPool, want, {
        parallel: 2,
        onBatch: (done, total) => {
          if (done === total || done % 5_000_000 < 1_000_000) log(`audit: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} rows, ${seconds(t)} s`);
        },
      });
      const loadSec = (Date.now() - t) / 1000;
      const a = Date.now();
      await fullPool.query('analyze audit_log');
      log(`audit: loaded ${loaded.toLocaleString('en-US')} rows in ${loadSec.toFixed(1)} s (${Math.round(loaded / loadSec).toLocaleString('en-US')} rows/s), analyze ${seconds(a)} s`);
      figures = [{ group: 'audit', name: 'bulk load', value: loaded / loadSec, unit: 'rows/s', detail: `${loaded.toLocaleString('en-US')} rows in ${loadSec.toFixed(0)} s, 2 connections` }];
    }
    const rows = await rowCount(fullPool);
    const { rows: parts } = await fullPool.query<{ n: number }>(`select count(*)::int as n from pg_inherits where inhparent = 'audit_log'::regclass`);

    const [empty, full] = [createDb(emptyPool), createDb(fullPool)];
    for (let i = 0; i < 2_000; i++) await Promise.all([one(empty, i), one(full, i)]);
    const e: number[] = [];
    const f: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        e.push(await round(empty));
        f.push(await round(full));
      } else {
        f.push(await round(full));
        e.push(await round(empty));
      }
    }
    const ratio = median(e.map((x, i) => f[i]! / x));
    const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} µs over ${ROUNDS} rounds of ${PER_ROUND}`;
    const at = `${(rows / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} M rows`;
    log(`audit: insert when empty ${median(e).toFixed(0)} µs (${spread(e)}), at ${at} ${median(f).toFixed(0)} µs (${spread(f)}), paired ratio ${ratio.toFixed(2)}`);
    return [
      { group: 'audit', name: 'insert, empty log', value: median(e), unit: 'µs', detail: spread(e) },
      { group: 'audit', name: `insert at ${at}`, value: median(f), unit: 'µs', detail: `${spread(f)}; ${parts[0]!.n} partitions` },
      { group: 'audit', name: `insert cost at ${at} / empty`, value: ratio, unit: '×', target: { max: TARGET }, detail: 'median of adjacent rounds\' ratios' },
      ...figures,
    ];
  } finally {
    await emptyPool.end();
    await fullPool.end();
  }
};

export const auditGroup: ScenarioGroup = {
  name: 'audit',
  prepare: async () => undefined,
  scenarios: [],
  measure,
  target: { description: `audit insert at --audit-rows ≤ ${TARGET}× its cost when empty` },
};
