import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { freePort, tmpDataDir } from '@tandem/db/ports';
import { createTestDatabase, newOrg, newUser, type TestDatabase } from '@tandem/db/testing';
import { runMigrations } from '@tandem/db';
import type { FastifyInstance } from 'fastify';
import { inArray } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { buildApp } from './app';
import { testConfig } from './config';
import { signIn, testApp, type TestApp } from './testing/app';
import { world } from './modules/referrals/testing';

const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
const pgServer = path.resolve(__dirname, '../../../db/src/cli/pg-server.ts');

const startPg = (dataDir: string, port: number) =>
  new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    const child = spawn(tsx, [pgServer, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`pg-server exited ${code}`)));
  });
/** Stops the PostgreSQL server process: SIGTERM (a clean stop), SIGKILL if it has not gone in 30 s (a loaded machine). */
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    const hard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
/** Resolves once nothing accepts connections on the port: the server process may exit before its postmaster is gone. */
const portClosed = async (port: number) => {
  for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (!open) return;
  }
  throw new Error(`PostgreSQL still accepts connections on ${port}`);
};
const stopPg = async (child: ChildProcess, port: number) => {
  await exited(child);
  await portClosed(port);
};

describe('database outage', () => {
  let pg: { child: ChildProcess; url: string };
  let app: FastifyInstance;
  const dataDir = tmpDataDir('outage');
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    pg = await startPg(dataDir, port);
    await runMigrations(pg.url);
    app = await buildApp(testConfig(pg.url));
    await app.ready();
  }, 120_000);
  // Stopping a PostgreSQL (and its checkpoint) on a loaded 2-core machine can take most of a minute.
  afterAll(async () => {
    await app?.close();
    if (pg?.child.exitCode === null) await stopPg(pg.child, port);
  }, 120_000);

  it('answers 503 problem+json while PostgreSQL is down and recovers when it is back', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await stopPg(pg.child, port);

    for (const url of ['/readyz', '/api/v1/organizations']) {
      const res = await app.inject({ method: 'GET', url });
      expect([res.statusCode, res.body]).toEqual([503, expect.any(String)]);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().code).toBe('database_unavailable');
    }

    pg = await startPg(dataDir, port);
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await app.inject({ method: 'GET', url: '/api/v1/organizations' })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  }, 120_000);

  // Issue 22: PostgreSQL stopped and started again under a loop of writes. Each write while it is
  // down answers 503 problem+json with Retry-After within a few seconds (never a 500, never a
  // hang), the API recovers by itself, and every write it acknowledged is in the database.
  it('under a loop of writes: 503 with Retry-After while PostgreSQL is down, and every acknowledged write is kept', async () => {
    const net = await newOrg(app.db, { type: 'health_system' });
    const admin = await newUser(app.db, { org: net, role: 'network_admin' });
    const who = await signIn(app, admin.email);
    const acked: { id: string; name: string }[] = [];
    const refused: number[] = [];
    const unexpected: string[] = [];
    let slowest = 0;
    let stop = false;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const until = async (what: string, cond: () => boolean, ms = 30_000) => {
      for (const end = Date.now() + ms; !cond(); await sleep(50)) if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    };
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const name = `Outage Org ${n}-${i}`;
        const started = Date.now();
        // With an Idempotency-Key, as an integrator retrying would send: a write in flight when
        // PostgreSQL stops must still answer 503, not the 500 the key's bookkeeping once caused.
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/organizations',
          headers: { ...who, 'idempotency-key': name },
          payload: { name, type: 'cbo' },
        });
        slowest = Math.max(slowest, Date.now() - started);
        if (res.statusCode === 201) acked.push({ id: res.json().id, name });
        else if (
          res.statusCode === 503 &&
          /problem\+json/.test(String(res.headers['content-type'])) &&
          res.json().code === 'database_unavailable' &&
          Number(res.headers['retry-after']) > 0
        )
          refused.push(res.statusCode);
        else unexpected.push(`${res.statusCode} ${String(res.headers['retry-after'])} ${res.body}`);
        await sleep(10);
      }
    };
    const loops = [1, 2, 3].map(writer);
    try {
      await until('writes before the outage', () => acked.length >= 5);
      await stopPg(pg.child, port);
      const beforeRestart = acked.length;
      await until('refused writes', () => refused.length >= 10);
      pg = await startPg(dataDir, port);
      await until('writes after the restart', () => acked.length >= beforeRestart + 10);
    } finally {
      stop = true;
      await Promise.all(loops);
    }
    expect(unexpected).toEqual([]);
    expect(slowest).toBeLessThan(6_000);
    const kept = await app.db
      .select({ id: schema.organizations.id, name: schema.organizations.name })
      .from(schema.organizations)
      .where(
        inArray(
          schema.organizations.id,
          acked.map((a) => a.id),
        ),
      );
    expect(new Map(kept.map((k) => [k.id, k.name]))).toEqual(new Map(acked.map((a) => [a.id, a.name])));
  }, 120_000);
});

// Issue 22: many status changes of one referral at once, all read the same version: exactly one
// wins, the others get 409 (stale_version, or invalid_transition once the winner moved it on),
// and the timeline has one event for the change.
describe('50 concurrent status changes of one referral', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ dbPoolMax: 10 });
  });
  afterAll(() => t.close());

  it.each([
    ['50 accepts', (): Record<string, string> => ({ to: 'accepted' })],
    [
      'accepts against declines',
      (i: number): Record<string, string> => (i % 2 ? { to: 'accepted' } : { to: 'declined', reason: 'no_capacity' }),
    ],
  ])(
    '%s: one 200, 49 × 409, one timeline event',
    async (_name, body) => {
      const w = await world(t);
      const r = await w.sent();
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { ...body(i), version: r.version }),
        ),
      );
      const codes = answers.map((a) => (a.status === 200 ? 200 : `${a.status} ${a.body?.code as string}`));
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c !== 200 && c !== '409 stale_version' && c !== '409 invalid_transition')).toEqual([]);
      const winner = answers.find((a) => a.status === 200)!.body as { status: string; version: number };
      expect(winner.version).toBe(r.version + 1);
      const timeline = (await w.chw.call('GET', `/api/v1/referrals/${r.id}/timeline`)).body as {
        data: { kind: string; fromStatus: string | null; toStatus: string | null }[];
      };
      expect(timeline.data.filter((e) => e.kind === 'event' && e.fromStatus === 'sent')).toEqual([
        expect.objectContaining({ toStatus: winner.status }),
      ]);
    },
    60_000,
  );
});

describe('logs', () => {
  let tdb: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    tdb = await createTestDatabase();
    const stream = new Writable({ write: (chunk, _enc, cb) => (lines.push(chunk.toString()), cb()) });
    app = await buildApp(testConfig(tdb.url, { logLevel: 'info' }), { logStream: stream });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
  });

  it('are JSON with a request id on every line, and never carry PHI, passwords or cookies', async () => {
    const org = await newOrg(app.db);
    const u = await newUser(app.db, { org, role: 'staff' });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    const cookie = login.headers['set-cookie'] as string;
    await app.inject({ method: 'GET', url: '/api/v1/organizations?q=Maria%20Lopez%201990-04-12', headers: { cookie } });
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'maria.lopez@patient.example', password: 'secret-password-1' },
    });
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string });
    expect(parsed.length).toBeGreaterThan(3);
    expect(parsed.filter((l) => 'req' in l || 'res' in l).every((l) => typeof l.reqId === 'string')).toBe(true);
    const all = lines.join('\n');
    for (const secret of ['Maria', '1990-04-12', 'maria.lopez@patient.example', 'secret-password-1', u.password, 'tandem_session=']) {
      expect(all).not.toContain(secret);
    }
  });
});
