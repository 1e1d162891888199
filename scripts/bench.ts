import os from 'node:os';
import pg from 'pg';
import { runMigrations } from '../db/src/migrate';
import { freePort, startEmbeddedPostgres, tmpDataDir, type EmbeddedServer } from '../db/src/embedded';
import { buildApp } from '../services/api/src/app';
import { loadConfig } from '../services/api/src/config';
import { buildBaseline } from '../bench/baseline';
import { runLoad } from '../bench/load';
import { formatFigures, formatTable, machineLine, verdicts } from '../bench/report';
import { selectGroups } from '../bench/scenarios';
import type { BenchOptions, Figure, LoadResult, Scenario } from '../bench/types';
import { step } from './run';
import { MIX, type OpName } from '../bench/mix';

/**
 * `pnpm bench [--scenarios=directory] [--duration=8] [--connections=20] [--explain]
 * [--scale=1] [--audit-rows=50000000] [--step=6]`: fills a throwaway PostgreSQL (or
 * BENCH_DATABASE_URL) with bench data, starts the API and a plain baseline in this process, drives
 * load from autocannon in a child process, then runs the groups that measure themselves (audit,
 * mixed: their own databases and processes), and prints figures and ratios. It reports; it never
 * fails on a missed target (see bench/README.md).
 */
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const opts = {
  groups: args.get('scenarios')?.split(',').filter(Boolean),
  durationSec: Number(args.get('duration') ?? 8),
  connections: Number(args.get('connections') ?? 20),
  explain: args.has('explain'),
};
const measureOptions: BenchOptions = {
  scale: Number(args.get('scale') ?? 1),
  auditRows: Number(args.get('audit-rows') ?? 50_000_000),
  stepSec: Number(args.get('step') ?? 6),
};
for (const [k, v] of Object.entries(measureOptions)) if (!(v > 0)) throw new Error(`--${k}: a positive number, not ${String(v)}`);
// --ops=inbox,search: the mixed group runs only these operations (names as in bench/README.md's table).
const ops = args.get('ops')?.split(',').filter(Boolean);
if (ops) {
  const unknown = ops.filter((op) => !(op in MIX));
  if (unknown.length) throw new Error(`--ops: unknown ${unknown.join(', ')}; one of ${Object.keys(MIX).join(', ')}`);
  measureOptions.ops = ops as OpName[];
}

const log = (line: string) => console.log(`    ${line}`);

/** The targets a scenario loads (both unless it names some), with their URLs. */
const targetsOf = (s: Scenario, apiUrl: string, baseUrl: string) =>
  ([['api', apiUrl], ['baseline', baseUrl]] as const).filter(([target]) => !s.targets || s.targets.includes(target));

/** Same answer from both targets (ids in order), and a short warm-up of caches and JIT. */
const check = async (apiUrl: string, baseUrl: string, s: Scenario) => {
  const get = async (base: string) => {
    const res = await fetch(`${base}${s.path}`, { headers: s.headers });
    if (!res.ok) throw new Error(`${s.name} answered ${res.status} at ${base}: ${(await res.text()).slice(0, 300)}`);
    return ((await res.json()) as { data: { id: string }[] }).data.map((d) => d.id);
  };
  const urls = targetsOf(s, apiUrl, baseUrl).map(([, url]) => url);
  const [a, b] = await Promise.all(urls.map(get));
  if (b) log(`${s.name}: ${a!.length} hits on the first page; baseline ${a!.join() === b.join() ? 'returns the same rows' : 'DIFFERS'}`);
  for (let i = 0; i < 20; i++) await Promise.all(urls.map(get));
};

const main = async () => {
  const started = Date.now();
  const groups = selectGroups(opts.groups);
  let embedded: EmbeddedServer | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    step('Start a throwaway embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({ dataDir: tmpDataDir('bench'), port: await freePort(), ephemeral: true });
    url = embedded.url;
  }
  const stopDb = () => embedded?.stop().catch(() => undefined);
  process.once('SIGINT', () => void stopDb()?.finally(() => process.exit(130)));

  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: 'tandem-bench' });
  pool.on('error', (e) => log(`bench pool: ${e.message}`));
  // As deployed: responses are not re-encoded by zod (RESPONSE_CHECK is for tests and development).
  const api = await buildApp(
    loadConfig(url, { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '100000000', OVERDUE_SWEEP_SECONDS: '0', RESPONSE_CHECK: 'false' }),
  );
  const baseline = buildBaseline(pool, groups);
  try {
    step('Migrate');
    await runMigrations(url);
    step(`Prepare data (${groups.map((g) => g.name).join(', ')})`);
    for (const g of groups) await g.prepare({ databaseUrl: url, pool, log });

    step('Start the API and the baseline');
    await api.listen({ host: '127.0.0.1', port: await freePort() });
    await baseline.listen({ host: '127.0.0.1', port: await freePort() });
    const apiUrl = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;
    const baseUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}`;
    log(`API ${apiUrl}, baseline ${baseUrl}`);
    const scenarios = groups.flatMap((g) => g.scenarios);
    for (const s of scenarios) {
      if (s.check) log(`${s.name}: ${await s.check(apiUrl, baseUrl)}`);
      else if (!s.run) await check(apiUrl, baseUrl, s);
    }

    step(`Load: ${opts.connections} connections (unless a scenario sets its own), ${opts.durationSec} s per scenario and target (separate process)`);
    log(machineLine(os.availableParallelism(), os.loadavg()));
    const results: LoadResult[] = [];
    for (const s of scenarios) {
      for (const [target, base] of targetsOf(s, apiUrl, baseUrl)) {
        const load = { ...opts, connections: s.connections ?? opts.connections };
        const r = s.run ? await s.run(base, target, load) : await runLoad(base, s, target, load);
        log(`${s.name} @ ${target} (${load.connections} conn): ${r.requestsPerSec.toFixed(0)} req/s, p99 ${r.p99Ms} ms${r.note ? `; ${r.note}` : ''}`);
        results.push(r);
      }
    }

    if (opts.explain) {
      for (const g of groups) {
        for (const s of g.scenarios) {
          if (!g.explain) continue;
          step(`EXPLAIN ANALYZE: ${s.name}`);
          console.log(await g.explain(pool, s));
        }
      }
    }

    const figures: Figure[] = [];
    for (const g of groups) {
      if (!g.measure) continue;
      step(`Measure: ${g.name}`);
      figures.push(...(await g.measure({ databaseUrl: url, pool, log, options: measureOptions })));
    }

    step('Results');
    if (results.length) console.log(formatTable(results));
    if (figures.length) console.log(`\n${formatFigures(figures)}`);
    for (const r of results) if (r.note) console.log(`${r.scenario.name} @ ${r.target}: ${r.note}`);
    console.log('');
    for (const v of verdicts(groups, results, figures)) console.log(v);
    console.log(machineLine(os.availableParallelism(), os.loadavg()));
    console.log(`\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s. These are figures, not a test: a missed target does not fail the run.`);
    return 0;
  } finally {
    step('Stop');
    await api.close();
    await baseline.close();
    await pool.end();
    await stopDb();
  }
};

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
