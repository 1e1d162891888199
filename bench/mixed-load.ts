import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MIX, type OpName } from './mix';

/**
 * Open-loop load of the mixed workload at a fixed rate, in a child process (bench/mixed.ts starts
 * it with tsx): operations start at evenly spaced times whatever the answers do, picked by their
 * weights, and each operation's latency runs from the time it was due (so a slow server is not
 * given time to catch up: no coordinated omission). Reads its job from the JSON file argv[2],
 * writes the state it advanced (referral versions, fresh clients used) to argv[3], and prints one
 * JSON MixedReport on stdout.
 */
export { MIX, type OpName };

export interface MixedJob {
  baseUrl: string;
  rate: number;
  durationSec: number;
  /** Operations in flight beyond this are not started (counted as dropped: the target is past its knee). */
  maxInFlight: number;
  staffCookie: string;
  chwCookie: string;
  searchPaths: string[];
  detailIds: string[];
  clientIds: string[];
  receivingOrgId: string;
  serviceId: string | null;
  needs: string[];
  freshClientIds: string[];
  /** Operations done by earlier steps: the sequence of fresh clients (and needs) continues. */
  freshOffset: number;
  items: { id: string; version: number; status: string }[];
  /** Only these operations, in their mix's proportions among themselves (`--ops`); all when absent. */
  only?: OpName[];
}

export interface OpStats {
  n: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface MixedReport {
  rate: number;
  achieved: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  dropped: number;
  conflicts: number;
  ops: Record<string, OpStats>;
  firstError?: string;
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as MixedJob;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.maxInFlight });
const base = new URL(job.baseUrl);
let firstError: string | undefined;

const call = (method: string, path: string, cookie: string, body?: unknown) =>
  new Promise<{ status: number; json: () => Record<string, unknown> }>((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { cookie, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) };
    const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const status = res.statusCode ?? 0;
        if ((status < 200 || status >= 300) && status !== 409 && !firstError) firstError = `${method} ${path} → ${status}: ${text.slice(0, 300)}`;
        resolve({ status, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      if (!firstError) firstError = `${method} ${path}: ${e.message}`;
      resolve({ status: 0, json: () => ({}) });
    });
    req.end(payload);
  });

const ok = (s: number) => s >= 200 && s < 300;
const INBOX = '/api/v1/referrals?box=received&limit=25';
const NEXT: Record<string, string> = { sent: 'accepted', acknowledged: 'accepted', accepted: 'on_hold', on_hold: 'in_progress', in_progress: 'on_hold' };
let conflicts = 0;
let fresh = job.freshOffset;
const busy = new Set<number>();
let itemCursor = 0;

/** One operation of each kind; resolves true when it succeeded (a 409 on a status change is a conflict, not an error). */
const OPS: Record<OpName, (k: number) => Promise<boolean>> = {
  inbox: async () => ok((await call('GET', INBOX, job.staffCookie)).status),
  'referral read': async (k) => ok((await call('GET', `/api/v1/referrals/${job.detailIds[k % job.detailIds.length]}`, job.staffCookie)).status),
  search: async (k) => ok((await call('GET', job.searchPaths[k % job.searchPaths.length]!, job.staffCookie)).status),
  'client lookup': async (k) => ok((await call('GET', `/api/v1/clients/${job.clientIds[k % job.clientIds.length]}`, job.chwCookie)).status),
  'status change': async () => {
    // A referral no other operation is moving right now, moved with the version last seen.
    let i = -1;
    for (let tries = 0; tries < job.items.length; tries++) {
      const c = itemCursor++ % job.items.length;
      if (!busy.has(c) && NEXT[job.items[c]!.status]) {
        i = c;
        break;
      }
    }
    if (i < 0) return true;
    const item = job.items[i]!;
    busy.add(i);
    try {
      const res = await call('POST', `/api/v1/referrals/${item.id}/transitions`, job.staffCookie, { to: NEXT[item.status], version: item.version });
      if (res.status === 409) {
        conflicts++;
        const again = await call('GET', `/api/v1/referrals/${item.id}`, job.staffCookie);
        if (ok(again.status)) Object.assign(item, pick(again.json()));
        return true;
      }
      if (ok(res.status)) Object.assign(item, pick(res.json()));
      return ok(res.status);
    } finally {
      busy.delete(i);
    }
  },
  'create+send': async () => {
    const k = fresh++;
    const n = job.freshClientIds.length;
    const created = await call('POST', '/api/v1/referrals', job.chwCookie, {
      clientId: job.freshClientIds[k % n],
      receivingOrganizationId: job.receivingOrgId,
      ...(job.serviceId ? { receivingServiceId: job.serviceId } : {}),
      // One need per lap over the clients: no open referral of a client shares a need with a new one.
      needs: [job.needs[Math.floor(k / n) % job.needs.length]!],
      reason: 'Bench: food runs out mid-month',
      senderContactPhone: '(323) 555-0199',
    });
    if (!ok(created.status)) return false;
    const d = created.json() as { id: string; version: number };
    return ok((await call('POST', `/api/v1/referrals/${d.id}/send`, job.chwCookie, { version: d.version })).status);
  },
  messages: async (k) => {
    const id = job.detailIds[(k * 7) % job.detailIds.length];
    if (k % 2) return ok((await call('GET', `/api/v1/referrals/${id}/messages?limit=25`, job.staffCookie)).status);
    return ok((await call('POST', `/api/v1/referrals/${id}/messages`, job.staffCookie, { body: 'Called the client; waiting on documents.' })).status);
  },
  notifications: async () => ok((await call('GET', '/api/v1/notifications?limit=25', job.staffCookie)).status),
};
const pick = (d: Record<string, unknown>) => ({ version: d.version as number, status: d.status as string });

/** 100 slots in the mix's proportions, in a fixed shuffled order (a small LCG). */
const slots = (() => {
  const out: OpName[] = [];
  for (const [op, w] of Object.entries(MIX) as [OpName, number][]) if (!job.only?.length || job.only.includes(op)) for (let i = 0; i < w; i++) out.push(op);
  let x = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
})();

const pct = (xs: number[], q: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : Number.NaN);

const main = async () => {
  const latencies: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const all: number[] = [];
  let inFlight = 0;
  let dropped = 0;
  let done = 0;
  const pending = new Set<Promise<void>>();
  const start = performance.now() + 20;
  const total = Math.round(job.rate * job.durationSec);
  const interval = 1000 / job.rate;
  for (let k = 0; k < total; k++) {
    const due = start + k * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= job.maxInFlight) {
      dropped++;
      continue;
    }
    const op = slots[k % slots.length]!;
    inFlight++;
    const p = OPS[op](k).then(
      (good) => {
        inFlight--;
        if (!good) errors[op] = (errors[op] ?? 0) + 1;
        else {
          const ms = performance.now() - due;
          (latencies[op] ??= []).push(ms);
          all.push(ms);
          done++;
        }
      },
      () => {
        inFlight--;
        errors[op] = (errors[op] ?? 0) + 1;
      },
    );
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(pending);
  all.sort((a, b) => a - b);
  const ops: Record<string, OpStats> = {};
  for (const op of Object.keys(MIX)) {
    const xs = (latencies[op] ?? []).sort((a, b) => a - b);
    ops[op] = { n: xs.length, p50Ms: pct(xs, 0.5), p99Ms: pct(xs, 0.99), errors: errors[op] ?? 0 };
  }
  const report: MixedReport = {
    rate: job.rate,
    achieved: done / Math.max(elapsed, (performance.now() - start) / 1000),
    p50Ms: pct(all, 0.5),
    p99Ms: pct(all, 0.99),
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    dropped,
    conflicts,
    ops,
    ...(firstError ? { firstError } : {}),
  };
  writeFileSync(process.argv[3]!, JSON.stringify({ items: job.items, freshOffset: fresh }));
  process.stdout.write(JSON.stringify(report));
  agent.destroy();
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
