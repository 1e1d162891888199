import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@tandem/db/ports';
import { waitForExit } from '../../../db/src/processes';
import { bundle } from '../../../scripts/api-build';
import { signIn, testApp, type TestApp } from '../src/testing/app';
import { world } from '../src/modules/referrals/testing';
import { newUser } from '@tandem/db/testing';

// Two API processes and one worker, as deployed (the esbuild bundles npm start runs), on one
// database: a change made through one process holds in the other at once, and so does the rate limit.
const root = path.resolve(__dirname, '../../..');
let t: TestApp;
let dir: string;
const children: ChildProcess[] = [];
const apis: string[] = [];
const RATE_LIMIT_MAX = 40;
let stopping = false;

const start = (file: string, env: NodeJS.ProcessEnv) => {
  const child = spawn(process.execPath, [path.join(dir, file)], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: t.url, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  child.on('exit', (code) => {
    if (!stopping && code !== 0 && code !== null) console.error(`${file} exited ${code}: ${err}`);
  });
  children.push(child);
  return child;
};
const until = async (what: string, ok: () => Promise<boolean>, ms = 60_000) => {
  for (const end = Date.now() + ms; !(await ok().catch(() => false)); await new Promise((r) => setTimeout(r, 200))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
};
const get = (base: string, url: string, headers: Record<string, string>) => fetch(base + url, { headers });

beforeAll(async () => {
  t = await testApp();
  // Inside services/api, as npm start's bundles are: their npm packages resolve from its node_modules.
  dir = path.join(root, 'services/api/dist', `multiprocess-${process.pid}`);
  await bundle({ server: path.join(root, 'services/api/src/server.ts'), worker: path.join(root, 'services/worker/src/worker.ts') }, dir);
  // Started one after the other: each runs the (already applied) migrations on start.
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    // A five-minute auth cache: only the broadcast can explain a change seen at once.
    start('server.js', { PORT: String(port), AUTH_CACHE_SECONDS: '300', RATE_LIMIT_STORE: 'postgres', RATE_LIMIT_MAX: String(RATE_LIMIT_MAX) });
    const base = `http://127.0.0.1:${port}`;
    await until(`API ${i + 1}`, async () => (await fetch(`${base}/readyz`)).status === 200);
    apis.push(base);
  }
  start('worker.js', { WORKER_CONCURRENCY: '2', WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' });
}, 180_000);

afterAll(async () => {
  stopping = true;
  await Promise.all(
    children.map(async (c) => {
      if (c.exitCode !== null || c.signalCode !== null) return;
      c.kill('SIGTERM');
      if (!(await waitForExit(c.pid!, 20_000))) c.kill('SIGKILL');
    }),
  );
  if (dir) rmSync(dir, { recursive: true, force: true });
  await t?.close();
}, 60_000);

describe('two API processes and a worker on one database', () => {
  it('a key revoked through one process is refused by the other at once, though both had it cached', async () => {
    const w = await world(t);
    const admin = await newUser(t.db, { org: w.cbo, role: 'org_admin' });
    const session = await signIn(t.app, admin.email);
    const made = await fetch(`${apis[0]}/api/v1/organizations/${w.cbo.id}/api-keys`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'plan system', scopes: ['referrals:read'] }),
    });
    expect(made.status).toBe(201);
    const { id: keyId, secret } = (await made.json()) as { id: string; secret: string };
    const key = { authorization: `Bearer ${secret}` };
    for (const base of apis) expect((await get(base, '/api/v1/referrals', key)).status).toBe(200);

    const revoked = await fetch(`${apis[0]}/api/v1/organizations/${w.cbo.id}/api-keys/${keyId}`, { method: 'DELETE', headers: session });
    expect(revoked.status).toBe(200);
    const other = await get(apis[1]!, '/api/v1/referrals', key);
    expect(other.status).toBe(401);
    expect((await get(apis[0]!, '/api/v1/referrals', key)).status).toBe(401);
  });

  it("a member removed through one process loses the organization's referrals in the other at once", async () => {
    const w = await world(t);
    const admin = await newUser(t.db, { org: w.cbo, role: 'org_admin' });
    const staff = await newUser(t.db, { org: w.cbo, role: 'staff' });
    const adminSession = await signIn(t.app, admin.email);
    const staffSession = await signIn(t.app, staff.email);
    const referral = await w.sent();
    // Read (and so cached) in the second process while a member.
    expect((await get(apis[1]!, `/api/v1/referrals/${referral.id}`, staffSession)).status).toBe(200);

    const removed = await fetch(`${apis[0]}/api/v1/organizations/${w.cbo.id}/members/${staff.id}`, { method: 'DELETE', headers: adminSession });
    expect(removed.status).toBe(204);
    expect((await get(apis[1]!, `/api/v1/referrals/${referral.id}`, staffSession)).status).toBe(404);
  });

  it('the request rate limit is one budget across both processes', async () => {
    const w = await world(t);
    const admin = await newUser(t.db, { org: w.clinic, role: 'org_admin' });
    const session = await signIn(t.app, admin.email);
    const made = await fetch(`${apis[0]}/api/v1/organizations/${w.clinic.id}/api-keys`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'busy', scopes: ['directory:read'] }),
    });
    const { secret } = (await made.json()) as { secret: string };
    const key = { authorization: `Bearer ${secret}` };
    // 25 through each: each process alone would allow all 25; together they exceed the 40 a minute.
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      for (const base of apis) statuses.push((await get(base, '/api/v1/organizations?limit=1', key)).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - RATE_LIMIT_MAX);
    expect(statuses.slice(0, RATE_LIMIT_MAX).every((s) => s === 200)).toBe(true);
  });

  it('the worker runs beside them, and each API process reports it ready', async () => {
    for (const base of apis) {
      await until('the worker heartbeat', async () => {
        const r = (await (await fetch(`${base}/readyz`)).json()) as { worker: { status: string } };
        return r.worker.status === 'running';
      });
    }
  });
});
