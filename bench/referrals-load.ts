import http from 'node:http';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Load for the referral scenarios that autocannon's CLI cannot express: request sequences that
 * carry ids and versions from one answer to the next, and GETs over a list of paths. Runs in a
 * child process (bench/referrals.ts starts it with tsx); reads its job from the JSON file named
 * by argv[2] and prints one JSON LoadReport on stdout.
 *
 * - `pair`: POST /api/v1/referrals (a new draft, complete packet) then POST …/{id}/send with the
 *   returned version. One completed pair = both 2xx; latency is the pair's.
 * - `get`: GET each path of the list in turn.
 * - `transition`: each connection owns some referrals and moves each in turn
 *   (sent/acknowledged → accepted → on_hold ⇄ in_progress) with the version it last saw;
 *   a 409 is a conflict (counted apart), after which the version is re-read.
 */
export interface LoadJob {
  mode: 'pair' | 'get' | 'transition';
  baseUrl: string;
  connections: number;
  durationSec: number;
  headers: Record<string, string>;
  paths?: string[];
  pair?: { clientIds: string[]; receivingOrgId: string; serviceId: string | null; needs: string[] };
  items?: { id: string; version: number; status: string }[];
}

export interface LoadReport {
  completed: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  conflicts: number;
  requests: number;
  firstError?: string;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const base = new URL(job.baseUrl);

let requests = 0;
let errors = 0;
let conflicts = 0;
let firstError: string | undefined;
/** The next index into the shared list (paths, clients). */
let next = 0;
const latencies: number[] = [];

const call = (method: string, path: string, body?: unknown) =>
  new Promise<{ status: number; json: () => Record<string, unknown> }>((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { ...job.headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) };
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        requests++;
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) as Record<string, unknown> });
        if ((res.statusCode ?? 0) >= 300 && res.statusCode !== 409 && !firstError) firstError = `${method} ${path} → ${res.statusCode}: ${text.slice(0, 300)}`;
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      requests++;
      if (!firstError) firstError = `${method} ${path}: ${e.message}`;
      resolve({ status: 0, json: () => ({}) });
    });
    req.end(payload);
  });

const ok = (s: number) => s >= 200 && s < 300;
const deadline = performance.now() + job.durationSec * 1000;

const pairWorker = async () => {
  const p = job.pair!;
  const n = p.clientIds.length;
  while (performance.now() < deadline) {
    const k = next++;
    // A client is used once per lap; each lap asks for another need, so no open referral of the
    // same client shares a need with the new one (the duplicate guard stays quiet).
    const need = p.needs[Math.floor(k / n) % p.needs.length]!;
    const t = performance.now();
    const created = await call('POST', '/api/v1/referrals', {
      clientId: p.clientIds[k % n],
      receivingOrganizationId: p.receivingOrgId,
      ...(p.serviceId ? { receivingServiceId: p.serviceId } : {}),
      needs: [need],
      reason: 'Bench: food runs out mid-month',
      senderContactPhone: '(323) 555-0199',
    });
    if (!ok(created.status)) {
      errors++;
      continue;
    }
    const d = created.json() as { id: string; version: number };
    const sent = await call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    if (!ok(sent.status)) {
      errors++;
      continue;
    }
    latencies.push(performance.now() - t);
  }
};

const getWorker = async () => {
  const paths = job.paths!;
  while (performance.now() < deadline) {
    const path = paths[next++ % paths.length]!;
    const t = performance.now();
    const res = await call('GET', path);
    if (!ok(res.status)) errors++;
    else latencies.push(performance.now() - t);
  }
};

const NEXT: Record<string, string> = { sent: 'accepted', acknowledged: 'accepted', accepted: 'on_hold', on_hold: 'in_progress', in_progress: 'on_hold' };
const transitionWorker = async (w: number) => {
  const mine = job.items!.filter((_, i) => i % job.connections === w);
  let i = 0;
  while (performance.now() < deadline && mine.length) {
    const item = mine[i++ % mine.length]!;
    const to = NEXT[item.status];
    if (!to) continue;
    const t = performance.now();
    const res = await call('POST', `/api/v1/referrals/${item.id}/transitions`, { to, version: item.version });
    if (ok(res.status)) {
      const d = res.json() as { version: number; status: string };
      item.version = d.version;
      item.status = d.status;
      latencies.push(performance.now() - t);
    } else if (res.status === 409) {
      conflicts++;
      const fresh = await call('GET', `/api/v1/referrals/${item.id}`);
      if (ok(fresh.status)) {
        const d = fresh.json() as { version: number; status: string };
        item.version = d.version;
        item.status = d.status;
      }
    } else errors++;
  }
};

const main = async () => {
  const started = performance.now();
  const worker = job.mode === 'pair' ? pairWorker : job.mode === 'get' ? getWorker : transitionWorker;
  await Promise.all(Array.from({ length: job.connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! : Number.NaN);
  const report: LoadReport = {
    completed: latencies.length,
    perSec: latencies.length / elapsed,
    p50Ms: Math.round(pct(0.5)),
    p99Ms: Math.round(pct(0.99)),
    errors,
    conflicts,
    requests,
    ...(firstError ? { firstError } : {}),
  };
  process.stdout.write(JSON.stringify(report));
  agent.destroy();
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
