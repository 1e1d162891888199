import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateAuditRows, generateDirectory } from '../db/src/bulk';
import { generateReferrals, OPEN_REFERRAL_STATUSES, REFERRAL_NEEDS } from '../db/src/bulk/referrals';
import { API_DIST, bundle } from '../scripts/api-build';
import { groupDatabase, seconds } from './databases';
import { directoryScenarios } from './directory';
import { runJson } from './load';
import type { MixedJob, MixedReport, OpName } from './mixed-load';
import { hubsOf, signedInUser, type ReferralBaselineState } from './referrals';
import type { Figure, MeasureContext, ScenarioGroup, TargetName } from './types';

/** LA County at full size (`--scale=1`); the growth figures compare GROWTH_FROM of it with all of it. */
export const MIXED_FULL = { organizations: 4_000, services: 20_000, clients: 500_000, referrals: 1_000_000, auditRows: 10_000_000 };
const GROWTH_FROM = 0.01;
const HUB_SHARE = 0.05;
/** The mix's operations whose p50 must not grow more than 1.5× from 1% to full size. */
const GROWTH_OPS: OpName[] = ['inbox', 'referral read', 'search', 'client lookup'];
const TARGETS = { kneeRatio: 0.6, growth: 1.5, rssMb: 300, kneeP99Factor: 4 };
/** The knee search: the low-load rate, each step's factor, and where it gives up. */
const KNEE = { from: 20, factor: 1.4, max: 5_000, maxInFlight: 400 };

type Size = typeof MIXED_FULL;
export const sized = (scale: number): Size => ({
  organizations: Math.max(40, Math.round(MIXED_FULL.organizations * scale)),
  services: Math.max(200, Math.round(MIXED_FULL.services * scale)),
  clients: Math.max(2_000, Math.round(MIXED_FULL.clients * scale)),
  referrals: Math.max(1_000, Math.round(MIXED_FULL.referrals * scale)),
  auditRows: Math.max(10_000, Math.round(MIXED_FULL.auditRows * scale)),
});

/** What the load and the baseline need of the mixed database. */
export interface MixedState extends ReferralBaselineState {
  serviceId: string | null;
  staffCookie: string;
  chwCookie: string;
  clientIds: string[];
  freshClientIds: string[];
  items: { id: string; version: number; status: string }[];
}

const inTransaction = async <T>(pool: pg.Pool, f: (c: pg.PoolClient) => Promise<T>) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const out = await f(client);
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
};

/**
 * Grows the mixed database to `size`: the directory once, then clients, referrals (with their
 * events) and audit rows up to the size's counts, each step with a seed of its own so the rows
 * added to a smaller database are new ones. Then VACUUM ANALYZE, as autovacuum would have by then.
 */
export const grow = async (pool: pg.Pool, size: Size, log: (l: string) => void, phase: string) => {
  const count = async (t: string) => Number((await pool.query<{ n: string }>(`select count(*) as n from ${t}`)).rows[0]!.n);
  if ((await count('services')) === 0) {
    const t = Date.now();
    const c = await inTransaction(pool, (client) => generateDirectory(client, { organizations: size.organizations, services: size.services, seed: 'tandem-bench-mixed' }));
    log(`mixed: directory ${c.services} services, ${c.organizations} organizations in ${seconds(t)} s`);
  }
  const hubs = await hubsOf(pool);
  const [clients, referrals] = [await count('clients'), await count('referrals')];
  if (referrals < size.referrals) {
    const t = Date.now();
    // The first batch keeps fresh clients of the sending hub (no referrals) for create+send.
    const fresh = clients === 0 ? Math.min(2_000, Math.floor(size.clients / 2)) : 0;
    const c = await inTransaction(pool, (client) =>
      generateReferrals(client, { clients: Math.max(size.clients - clients, 1), freshClients: fresh, referrals: size.referrals - referrals, seed: `tandem-bench-mixed-${phase}` }, { ...hubs, share: HUB_SHARE }),
    );
    log(`mixed: ${phase}: +${c.clients} clients, +${c.referrals} referrals, +${c.referralEvents} events in ${seconds(t)} s (${JSON.stringify(c.seconds)})`);
  }
  const audit = await count('audit_log');
  if (audit < size.auditRows) {
    const t = Date.now();
    const n = await generateAuditRows(pool, size.auditRows - audit, { orgIds: [hubs.sendingOrgId, hubs.receivingOrgId] });
    log(`mixed: ${phase}: +${n} audit rows in ${seconds(t)} s`);
  }
  const t = Date.now();
  await pool.query('vacuum analyze');
  log(`mixed: ${phase}: vacuum analyze in ${seconds(t)} s`);
};

/** The bench users (a CHW of the sending hub, staff of the receiving hub) and the ids the load works on. */
export const stateOf = async (pool: pg.Pool): Promise<MixedState> => {
  const hubs = await hubsOf(pool);
  const chw = await signedInUser(pool, 'bench-chw@tandem.bench', 'Bench CHW', hubs.sendingOrgId);
  const staff = await signedInUser(pool, 'bench-staff@tandem.bench', 'Bench CBO Staff', hubs.receivingOrgId);
  const ids = async (sql: string, values: unknown[]) => (await pool.query<{ id: string }>(sql, values)).rows.map((r) => r.id);
  const open = OPEN_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', ');
  const items = await pool.query<{ id: string; version: number; status: string }>(
    `select id, version, status from referrals where receiving_org_id = $1 and status in ('sent', 'acknowledged', 'accepted', 'in_progress', 'on_hold') order by id limit 2000`,
    [hubs.receivingOrgId],
  );
  const moving = new Set(items.rows.map((i) => i.id));
  return {
    ...hubs,
    serviceId: (await ids(`select id from services where organization_id = $1 and status = 'active' order by id limit 1`, [hubs.receivingOrgId]))[0] ?? null,
    chw: { id: chw.id, name: chw.name, email: chw.email },
    staff: { id: staff.id },
    chwCookie: chw.cookie,
    staffCookie: staff.cookie,
    detailIds: (await ids(`select id from referrals where receiving_org_id = $1 and status <> 'draft' order by id desc limit 5000`, [hubs.receivingOrgId])).filter((id) => !moving.has(id)),
    clientIds: await ids(`select id from clients where created_by_org_id = $1 order by id limit 5000`, [hubs.sendingOrgId]),
    freshClientIds: await ids(
      `select c.id from clients c where c.created_by_org_id = $1 and not exists (select 1 from referrals r where r.client_id = c.id and r.status in (${open})) order by c.created_at desc, c.id limit 20000`,
      [hubs.sendingOrgId],
    ),
    items: items.rows,
  };
};

// ---- Targets in processes of their own ----------------------------------------------------------

const SERVE = path.resolve(__dirname, 'mixed-serve.ts');
/** Where the bench's bundle of mixed-serve.ts goes: beside the API's, so that its packages resolve as the API's do. */
const SERVE_DIST = path.join(API_DIST, 'bench');

/**
 * Compiles mixed-serve.ts (the API's app and the baseline) the way `npm start` compiles the API
 * (scripts/api-build.ts: one CommonJS bundle, run by plain node, no TypeScript loader in the
 * process), so each target's memory is what it would be deployed. Once per bench run.
 */
let served: Promise<string> | undefined;
const serveBundle = () =>
  (served ??= bundle({ 'mixed-serve': SERVE }, SERVE_DIST).then(() => path.join(SERVE_DIST, 'mixed-serve.js')));

interface Running {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Starts `mixed-serve.ts`'s bundle (plain node, so the pid is the server's own) and waits for its port. */
export const serve = async (target: TargetName, dbUrl: string, stateFile: string, env: NodeJS.ProcessEnv = process.env, nodeArgs: string[] = []) => {
  const script = await serveBundle();
  return new Promise<Running>((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script, target, dbUrl, stateFile], { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.resolve(__dirname, '..'), env });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`${target} server exited with ${code}: ${err.trim().slice(0, 1000)}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      const { port } = JSON.parse(line) as { port: number };
      child.removeAllListeners('exit');
      resolve({
        url: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
};

/** Peak and current resident memory of a process, MB (Linux /proc). */
export const memoryOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
};

// ---- Load ----------------------------------------------------------------------------------------

const TSX = path.resolve(__dirname, '../node_modules/.bin/tsx');
const LOAD = path.resolve(__dirname, 'mixed-load.ts');
const SEARCH_PATHS = directoryScenarios.map((s) => s.path);

/** One open-loop step at `rate` ops/s; the state it advanced (versions, fresh clients) carries over. */
export const runStep = async (state: MixedState, progress: { freshOffset: number }, baseUrl: string, rate: number, durationSec: number, only?: OpName[]) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-mixed-'));
  const [jobFile, outFile] = [path.join(dir, 'job.json'), path.join(dir, 'out.json')];
  const job: MixedJob = {
    baseUrl,
    rate,
    durationSec,
    maxInFlight: KNEE.maxInFlight,
    staffCookie: state.staffCookie,
    chwCookie: state.chwCookie,
    searchPaths: SEARCH_PATHS,
    detailIds: state.detailIds,
    clientIds: state.clientIds,
    receivingOrgId: state.receivingOrgId,
    serviceId: state.serviceId,
    needs: [...REFERRAL_NEEDS],
    freshClientIds: state.freshClientIds,
    freshOffset: progress.freshOffset,
    items: state.items,
    ...(only?.length ? { only } : {}),
  };
  writeFileSync(jobFile, JSON.stringify(job));
  const r = await runJson<MixedReport>(TSX, [LOAD, jobFile, outFile], 'mixed load');
  const advanced = JSON.parse(readFileSync(outFile, 'utf8')) as { items: MixedState['items']; freshOffset: number };
  state.items = advanced.items;
  progress.freshOffset = advanced.freshOffset;
  return r;
};

interface Knee {
  steps: MixedReport[];
  /** The last step within the knee: p99 ≤ 4× the low-load step's, no errors, nothing dropped, ≥ 90% of the rate served. */
  knee: MixedReport | undefined;
  lowP99: number;
  /** Resident memory of the target after each step, MB, in step order. */
  rssMb: number[];
}

const within = (r: MixedReport, lowP99: number) => r.errors === 0 && r.dropped === 0 && r.achieved >= 0.9 * r.rate && r.p99Ms <= TARGETS.kneeP99Factor * lowP99;

const stepLine = (name: string, r: MixedReport) =>
  `mixed: ${name} @ ${r.rate.toFixed(0)}/s: ${r.achieved.toFixed(0)} ops/s, p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, errors ${r.errors}, dropped ${r.dropped}, conflicts ${r.conflicts}${r.firstError ? `; first error: ${r.firstError}` : ''}`;

/**
 * The low-load step: one step at KNEE.from to warm the target up (JIT, plans, caches; not
 * counted), then one twice as long (more samples for its p99) that is.
 */
const lowLoad = async (state: MixedState, progress: { freshOffset: number }, target: Running, stepSec: number, only?: OpName[]) => {
  await runStep(state, progress, target.url, KNEE.from, stepSec, only);
  return runStep(state, progress, target.url, KNEE.from, stepSec * 2, only);
};

/**
 * Steps the rate up from KNEE.from by KNEE.factor until p99 passes 4× the low-load step's p99 (or
 * errors, drops, or the rate is not served), for several targets at once: at each rate every
 * target still within its knee runs its step, in an order that alternates from one rate to the
 * next, so a target and the one it is compared with meet the same machine minutes apart, not one
 * whole search apart (on a shared machine, other jobs come and go within a search). A step past
 * the knee is run once more before that target's search stops, so one noisy step does not end it.
 */
const kneeSearches = async (
  state: MixedState,
  progress: { freshOffset: number },
  targets: { name: string; target: Running }[],
  stepSec: number,
  log: (l: string) => void,
  only?: OpName[],
): Promise<Knee[]> => {
  const searches = [];
  for (const { name, target } of targets) {
    const low = await lowLoad(state, progress, target, stepSec, only);
    log(stepLine(name, low));
    searches.push({ name, target, steps: [low], rssMb: [memoryOf(target.pid).rssMb], lowP99: low.p99Ms, knee: within(low, low.p99Ms) ? low : undefined, done: !within(low, low.p99Ms) });
  }
  for (let rate = KNEE.from * KNEE.factor, turn = 0; rate <= KNEE.max && searches.some((x) => !x.done); rate *= KNEE.factor, turn++) {
    for (const x of turn % 2 ? [...searches].reverse() : searches) {
      if (x.done) continue;
      let r = await runStep(state, progress, x.target.url, Math.round(rate), stepSec, only);
      x.rssMb.push(memoryOf(x.target.pid).rssMb);
      log(stepLine(x.name, r));
      if (!within(r, x.lowP99)) {
        x.steps.push(r);
        r = await runStep(state, progress, x.target.url, Math.round(rate), stepSec, only);
        x.rssMb.push(memoryOf(x.target.pid).rssMb);
        log(`${stepLine(x.name, r)} (again)`);
      }
      x.steps.push(r);
      if (within(r, x.lowP99)) x.knee = r;
      else x.done = true;
    }
  }
  return searches.map(({ steps, knee, lowP99, rssMb }) => ({ steps, knee, lowP99, rssMb }));
};

// ---- The group -----------------------------------------------------------------------------------

const measure = async ({ databaseUrl, log, options }: MeasureContext): Promise<Figure[]> => {
  const full = sized(options.scale);
  const small = sized(options.scale * GROWTH_FROM);
  if (options.ops?.length) log(`mixed: only ${options.ops.join(', ')} (--ops), in the mix's proportions among themselves`);
  log(`mixed: full size ${JSON.stringify(full)}; growth from ${JSON.stringify({ referrals: small.referrals, clients: small.clients, auditRows: small.auditRows })}`);
  // A fresh database every run: the growth figures need the small size first.
  const url = await groupDatabase(databaseUrl, 'mixed', { fresh: true });
  const pool = new pg.Pool({ connectionString: url, max: 3, application_name: 'tandem-bench-mixed' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-mixed-'));
  const stateFile = path.join(dir, 'state.json');
  const progress = { freshOffset: 0 };
  const figures: Figure[] = [];
  try {
    // 1. Small: the low-load p50 of each operation (API only).
    await grow(pool, { ...full, referrals: small.referrals, clients: small.clients, auditRows: small.auditRows }, log, 'small');
    let state = await stateOf(pool);
    let api = await serve('api', url, stateFile);
    const before = await lowLoad(state, progress, api, options.stepSec, options.ops);
    const growthOps = GROWTH_OPS.filter((op) => !options.ops?.length || options.ops.includes(op));
    log(`mixed: API at ${small.referrals} referrals, ${KNEE.from}/s: ${growthOps.map((op) => `${op} p50 ${before.ops[op]!.p50Ms.toFixed(1)} ms`).join(', ')}${before.firstError ? `; first error: ${before.firstError}` : ''}`);
    await api.stop();

    // 2. Full: grow, then the knee of the API and of the baseline, each in a process of its own.
    await grow(pool, full, log, 'full');
    const fresh = progress.freshOffset;
    state = await stateOf(pool);
    progress.freshOffset = fresh;
    writeFileSync(stateFile, JSON.stringify(state));
    // Both targets up at once, each in its own process (its own RSS); one loaded at a time.
    api = await serve('api', url, stateFile);
    let apiKnee: Knee;
    let baseKnee: Knee;
    let apiPeak: number;
    let basePeak: number;
    try {
      const baseline = await serve('baseline', url, stateFile);
      try {
        [apiKnee, baseKnee] = (await kneeSearches(state, progress, [{ name: 'API', target: api }, { name: 'baseline', target: baseline }], options.stepSec, log, options.ops)) as [Knee, Knee];
        [apiPeak, basePeak] = [memoryOf(api.pid).peakMb, memoryOf(baseline.pid).peakMb];
      } finally {
        await baseline.stop();
      }
    } finally {
      await api.stop();
    }
    // RSS up to the knee (the steps it served); the peak includes the overloaded steps past it.
    const upToKnee = apiKnee.steps.map((s, i) => [s, apiKnee.rssMb[i]!] as const).filter(([s]) => !apiKnee.knee || s.rate <= apiKnee.knee.rate);
    const apiRss = Math.max(...upToKnee.map(([, mb]) => mb));

    const kneeOf = (k: Knee) => k.knee?.achieved ?? 0;
    const kneeDetail = (k: Knee) =>
      `low-load p99 ${k.lowP99.toFixed(1)} ms; ${k.steps.map((s) => `${s.rate}/s→p99 ${s.p99Ms.toFixed(0)}${s.errors ? ` (${s.errors} err)` : ''}${s.dropped ? ` (${s.dropped} dropped)` : ''}`).join(', ')}`;
    const errors = apiKnee.steps.reduce((n, s) => n + s.errors, 0);
    figures.push(
      { group: 'mixed', name: 'API knee', value: kneeOf(apiKnee), unit: 'ops/s', detail: kneeDetail(apiKnee) },
      { group: 'mixed', name: 'baseline knee', value: kneeOf(baseKnee), unit: 'ops/s', detail: kneeDetail(baseKnee) },
      { group: 'mixed', name: 'API knee / baseline knee', value: kneeOf(apiKnee) / kneeOf(baseKnee), unit: '×', target: { min: TARGETS.kneeRatio } },
      { group: 'mixed', name: 'API errors up to its knee', value: apiKnee.steps.filter((s) => !apiKnee.knee || s.rate <= apiKnee.knee.rate).reduce((n, s) => n + s.errors, 0), unit: '', target: { max: 0 }, detail: `${errors} in all steps, the one past the knee included` },
      { group: 'mixed', name: 'API RSS up to its knee', value: apiRss, unit: 'MB', target: { max: TARGETS.rssMb }, detail: `largest after a step; peak ${apiPeak.toFixed(0)} MB (past the knee included); baseline peak ${basePeak.toFixed(0)} MB` },
    );
    const after = apiKnee.steps[0]!;
    for (const op of growthOps) {
      const [a, b] = [before.ops[op]!.p50Ms, after.ops[op]!.p50Ms];
      figures.push({ group: 'mixed', name: `growth: ${op} p50`, value: b / a, unit: '×', target: { max: TARGETS.growth }, detail: `${a.toFixed(1)} ms at ${small.referrals.toLocaleString('en-US')} referrals → ${b.toFixed(1)} ms at ${full.referrals.toLocaleString('en-US')}` });
    }
    return figures;
  } finally {
    await pool.end();
  }
};

export const mixedGroup: ScenarioGroup = {
  name: 'mixed',
  prepare: async () => undefined,
  scenarios: [],
  measure,
  target: {
    description: `mixed workload: API knee ≥ ${TARGETS.kneeRatio}× the baseline's, 0 errors, API RSS ≤ ${TARGETS.rssMb} MB; inbox, detail, search, client lookup p50 at full size ≤ ${TARGETS.growth}× at 1%`,
  },
};
