import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, tmpDataDir, type EmbeddedServer } from '../db/src/embedded';
import { groupDatabase, median } from './databases';
import { MIX, type OpName } from './mix';
import { grow, runStep, serve, sized, stateOf } from './mixed';
import type { TargetName } from './types';

/**
 * What each operation of the mixed workload costs, API against baseline: `tsx bench/mixed-ops.ts
 * [--scale=0.01] [--rate=40] [--duration=5] [--rounds=3] [--ops=inbox,search] [--targets=api]
 * [--profile=<dir>] [--fresh]`. For each operation
 * alone, at a fixed low rate (well under either knee), in rounds that alternate the targets, it
 * measures the target process's CPU per operation, the CPU of the PostgreSQL processes per
 * operation, the statements the target sent per operation, and p50. CPU time per operation moves
 * far less than latency with what else runs on the machine, so this reads on a busy machine
 * where a knee search does not. Uses BENCH_DATABASE_URL (data reused) or a throwaway server.
 * A development tool: `pnpm bench` does not run it.
 */
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const scale = Number(args.get('scale') ?? 0.01);
const rate = Number(args.get('rate') ?? 40);
const durationSec = Number(args.get('duration') ?? 5);
const rounds = Number(args.get('rounds') ?? 3);
const targets = (args.get('targets')?.split(',') ?? ['api', 'baseline']) as TargetName[];
/** --profile=<dir>: the API runs with --cpu-prof into <dir> (one .cpuprofile per start). */
const profileDir = args.get('profile');
const ops = (args.get('ops')?.split(',').filter(Boolean) ?? Object.keys(MIX)) as OpName[];
for (const op of ops) if (!(op in MIX)) throw new Error(`--ops: unknown ${op}`);

const TICK_MS = 10; // USER_HZ is 100 on Linux
/** utime + stime of a process, ms (0 if it is gone). */
const cpuOf = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return 0;
  }
};
const ppidOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
/** CPU of each PostgreSQL process (the postmaster and its children), ms by pid. */
const serverCpu = (postmaster: number) => {
  const out = new Map<number, number>([[postmaster, cpuOf(postmaster)]]);
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (ppidOf(Number(d)) === postmaster) out.set(Number(d), cpuOf(Number(d)));
    } catch {
      // gone
    }
  }
  return out;
};
/** CPU the server spent between two readings, ms (processes that ended in between are not counted). */
const serverDelta = (before: Map<number, number>, after: Map<number, number>) => {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
};

/** The tables the mix writes: rows added per operation show whether both targets write the same records. */
const WRITTEN = ['referrals', 'referral_events', 'referral_messages', 'referral_views', 'referral_reads', 'notifications', 'outbox', 'audit_log', 'idempotency_keys', 'sessions'];
const rowCounts = async (pool: pg.Pool) => {
  const { rows } = await pool.query<Record<string, number>>(`select ${WRITTEN.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`);
  return rows[0]!;
};

const main = async () => {
  let embedded: EmbeddedServer | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: tmpDataDir('bench-ops'), port: await freePort(), ephemeral: true });
    url = embedded.url;
  }
  // Its own database: create+send uses up the clients without an open referral, so a rerun makes it again with --fresh.
  const mixedUrl = await groupDatabase(url, 'mixed_ops', { fresh: args.has('fresh') });
  const pool = new pg.Pool({ connectionString: mixedUrl, max: 3 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-ops-'));
  try {
    await grow(pool, sized(scale), (l) => console.log(l), 'ops');
    const state = await stateOf(pool);
    const stateFile = path.join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state));
    const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
    const postmaster = ppidOf(rows[0]!.pid);
    const progress = { freshOffset: 0 };
    const statementsFile = path.join(dir, 'statements');
    const statementsOf = async (pid: number) => {
      process.kill(pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 200));
      return Number(readFileSync(statementsFile, 'utf8'));
    };
    type Cost = { app: number; db: number; statements: number; p50: number; errors: number };
    const costs: Record<string, Record<TargetName, Cost[]>> = {};
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [...targets].reverse() : targets;
      for (const target of order) {
        const nodeArgs = profileDir && target === 'api' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
        const t = await serve(target, mixedUrl, stateFile, { ...process.env, BENCH_STATEMENTS_FILE: statementsFile }, nodeArgs);
        try {
          // Warm-up: every operation, not counted.
          await runStep(state, progress, t.url, rate, durationSec, ops);
          for (const op of ops) {
            const rows0 = round === 0 ? await rowCounts(pool) : undefined;
            const [app0, db0, st0] = [cpuOf(t.pid), serverCpu(postmaster), await statementsOf(t.pid)];
            const r = await runStep(state, progress, t.url, rate, durationSec, [op]);
            const [app1, db1, st1] = [cpuOf(t.pid), serverCpu(postmaster), await statementsOf(t.pid)];
            const n = r.ops[op]!.n + r.ops[op]!.errors;
            const c: Cost = { app: (app1 - app0) / n, db: serverDelta(db0, db1) / n, statements: (st1 - st0) / n, p50: r.ops[op]!.p50Ms ?? Number.NaN, errors: r.errors };
            ((costs[op] ??= { api: [], baseline: [] })[target]).push(c);
            if (rows0) {
              const rows1 = await rowCounts(pool);
              const added = WRITTEN.filter((k) => rows1[k] !== rows0[k]).map((k) => `${k} ${((rows1[k]! - rows0[k]!) / n).toFixed(2)}`);
              console.log(`  ${target} ${op}: rows per operation: ${added.join(', ') || 'none'}`);
            }
            console.log(
              `round ${round + 1} ${target} ${op}: ${n} ops, node ${c.app.toFixed(2)} ms/op, PostgreSQL ${c.db.toFixed(2)} ms/op, ${c.statements.toFixed(1)} statements/op, p50 ${c.p50.toFixed(1)} ms, errors ${c.errors}${r.firstError ? ` (${r.firstError})` : ''}`,
            );
          }
        } finally {
          await t.stop();
        }
      }
    }
    console.log(`\nMedians of ${rounds} rounds at ${rate} ops/s, ${durationSec} s per operation; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log('operation       | API node ms | API pg ms | API stmts | base node ms | base pg ms | base stmts | CPU API/base');
    if (targets.length < 2) return;
    for (const op of ops) {
      const m = (t: TargetName, k: keyof Cost) => median(costs[op]![t].map((c) => c[k]));
      const total = (t: TargetName) => m(t, 'app') + m(t, 'db');
      console.log(
        `${op.padEnd(15)} | ${m('api', 'app').toFixed(2).padStart(11)} | ${m('api', 'db').toFixed(2).padStart(9)} | ${m('api', 'statements').toFixed(1).padStart(9)} | ${m('baseline', 'app').toFixed(2).padStart(12)} | ${m('baseline', 'db').toFixed(2).padStart(10)} | ${m('baseline', 'statements').toFixed(1).padStart(10)} | ${(total('api') / total('baseline')).toFixed(2).padStart(12)}`,
      );
    }
    const weighted = (t: TargetName) => ops.reduce((s, op) => s + MIX[op] * median(costs[op]![t].map((c) => c.app + c.db)), 0);
    console.log(`mix-weighted CPU per operation, API / baseline: ${(weighted('api') / weighted('baseline')).toFixed(2)} (its inverse is roughly the knee ratio when CPU limits both)`);
  } finally {
    await pool.end();
    await embedded?.stop();
  }
};

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
