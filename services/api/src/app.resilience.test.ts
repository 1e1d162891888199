import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { freePort, tmpDataDir } from '@tandem/db/ports';
import { createTestDatabase, newOrg, newUser, type TestDatabase } from '@tandem/db/testing';
import { runMigrations } from '@tandem/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { testConfig } from './config';

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
const stopPg = (child: ChildProcess) => new Promise<void>((resolve) => {
  child.removeAllListeners('exit');
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});

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
  afterAll(async () => {
    await app?.close();
    if (pg?.child.exitCode === null) await stopPg(pg.child);
  });

  it('answers 503 problem+json while PostgreSQL is down and recovers when it is back', async () => {
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await stopPg(pg.child);

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
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'maria.lopez@patient.example', password: 'secret-password-1' } });
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string });
    expect(parsed.length).toBeGreaterThan(3);
    expect(parsed.filter((l) => 'req' in l || 'res' in l).every((l) => typeof l.reqId === 'string')).toBe(true);
    const all = lines.join('\n');
    for (const secret of ['Maria', '1990-04-12', 'maria.lopez@patient.example', 'secret-password-1', u.password, 'tandem_session=']) {
      expect(all).not.toContain(secret);
    }
  });
});
