import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { apiKey, member, testApp, type TestApp } from '@tandem/api/src/testing/app';
import { world } from '@tandem/api/src/modules/referrals/testing';
import { verifySignature } from '@tandem/api/src/modules/webhooks/signing';
import { checkWebhookUrl } from '@tandem/api/src/modules/webhooks/ssrf';
import { waitForExit } from '../../../db/src/processes';
import { startWorker } from './worker';

// A real receiver on 127.0.0.1 (only outbound HTTP is faked), real workers on the test database.
type Mode = 'up' | 'down' | 'hang';
interface Received {
  id: string;
  type: string;
  data: { referralId?: string; version?: number; to?: string };
  signed: boolean;
}
let t: TestApp;
let mode: Mode = 'up';
let onHang: () => void = () => undefined;
const received: Received[] = [];
let secret = '';
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    if (mode === 'hang') return onHang();
    if (mode === 'down') return res.writeHead(503).end('down for maintenance');
    const e = JSON.parse(body) as Omit<Received, 'signed'>;
    received.push({ ...e, signed: verifySignature(secret, String(req.headers['tandem-signature']), body) });
    res.writeHead(200).end('ok');
  });
});
const delivery = { allowPrivateUrls: true, timeoutMs: 30_000, retryWindowMs: 3600_000, backoffBaseMs: 200, backoffMaxMs: 1_000 };
const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 30_000) => {
  for (const end = Date.now() + ms; !(await ok()); await new Promise((r) => setTimeout(r, 100))) if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
};

beforeAll(async () => {
  t = await testApp();
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  receiver.closeAllConnections();
  receiver.close();
  await t.close();
});

describe('webhook delivery through the worker', () => {
  it('delivers one signed event per change, in order, after the receiver was down, and across a worker killed mid-delivery', async () => {
    const w = await world(t);
    const key = await apiKey(t, w.cbo, ['webhooks:manage', 'referrals:write', 'referrals:read']);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const sub = await key('POST', '/api/v1/webhooks', { url, events: ['referral.status_changed'] });
    expect(sub.status).toBe(201);
    secret = sub.body.secret;

    const worker = await startWorker({ databaseUrl: t.url, concurrency: 3, logLevel: 'silent', delivery });
    try {
      // Two changes: sent (the receiver hears of it from then on), accepted.
      const r = await w.sent();
      await until('the send event', () => received.length === 1);
      mode = 'down';
      const accepted = await key('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version });
      expect(accepted.status).toBe(200);
      await until('two failed attempts', () => false, 1_500).catch(() => undefined);
      mode = 'up';
      await until('the accept event, after retries', () => received.length === 2);
      const log = await key('GET', `/api/v1/webhooks/${sub.body.id}/attempts?limit=50`);
      expect(log.body.data.some((a: { statusCode: number; responseExcerpt: string }) => a.statusCode === 503 && a.responseExcerpt === 'down for maintenance')).toBe(true);
    } finally {
      await worker.stop();
    }

    // A worker process killed with SIGKILL while the receiver holds its request.
    const child: ChildProcess = spawn(path.join(__dirname, '../../../node_modules/.bin/tsx'), [path.join(__dirname, 'worker.ts')], {
      env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent', WEBHOOKS_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_BACKOFF_BASE_MS: '200' },
      stdio: 'ignore',
    });
    const hung = new Promise<void>((r) => (onHang = r));
    mode = 'hang';
    const cur = (await key('GET', `/api/v1/referrals/${(received[0]!.data.referralId)!}`)).body as { id: string; version: number };
    expect((await key('POST', `/api/v1/referrals/${cur.id}/transitions`, { to: 'in_progress', version: cur.version })).status).toBe(200);
    await hung;
    child.kill('SIGKILL');
    await waitForExit(child.pid!, 10_000);
    mode = 'up';
    const second = await startWorker({ databaseUrl: t.url, concurrency: 3, logLevel: 'silent', delivery });
    try {
      await until('the in_progress event, redelivered by the next worker', () => received.some((e) => e.data.to === 'in_progress'), 40_000);
    } finally {
      await second.stop();
    }
    // One event per change, each correctly signed, in the referral's order, de-duplicable by id.
    const ids = new Set(received.map((e) => e.id));
    expect(ids.size).toBe(3);
    expect(received.every((e) => e.signed && e.type === 'referral.status_changed')).toBe(true);
    expect([...new Map(received.map((e) => [e.id, e.data.to])).values()]).toEqual(['sent', 'accepted', 'in_progress']);
  }, 120_000);

  it('pauses a subscription whose deliveries keep failing past the retry window, tells its org admins, and resumes', async () => {
    const w = await world(t);
    const admin = await member(t, w.cbo, 'org_admin');
    const staff = await member(t, w.cbo, 'staff');
    const key = await apiKey(t, w.cbo, ['webhooks:manage', 'referrals:read']);
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const sub = await key('POST', '/api/v1/webhooks', { url, events: ['referral.created', 'referral.sent'] });
    expect(sub.status).toBe(201);
    mode = 'down';
    // Give up after two seconds of failures instead of a day.
    const worker = await startWorker({ databaseUrl: t.url, concurrency: 2, logLevel: 'silent', delivery: { ...delivery, retryWindowMs: 2_000 } });
    try {
      await w.sent();
      // Retries with backoff, then the give-up: seconds alone, longer on a loaded 2-core machine.
      await until('the pause', async () => (await key('GET', `/api/v1/webhooks/${sub.body.id}`)).body.status === 'paused', 90_000);
    } finally {
      await worker.stop();
      mode = 'up';
    }
    const notices = (await admin.call('GET', '/api/v1/notifications')).body.data as { kind: string; entityId: string; data: { host: string; organizationId: string } }[];
    const paused = notices.filter((n) => n.kind === 'webhook.paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ entityId: sub.body.id, data: { host: new URL(url).host, organizationId: w.cbo.id } });
    // Staff are not the organization's admins.
    expect(((await staff.call('GET', '/api/v1/notifications')).body.data as { kind: string }[]).some((n) => n.kind === 'webhook.paused')).toBe(false);
    const cur = (await key('GET', `/api/v1/webhooks/${sub.body.id}`)).body as { version: number };
    const resumed = await key('POST', `/api/v1/webhooks/${sub.body.id}/resume`, undefined, { 'if-match': `"${cur.version}"` });
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('active');
  }, 150_000);

  it('refuses URLs that resolve to loopback, link-local or private addresses unless allowed', async () => {
    for (const url of ['https://127.0.0.1/x', 'https://localhost/x', 'https://169.254.169.254/latest', 'https://10.1.2.3/', 'https://[::1]/', 'http://example.org/']) {
      expect(await checkWebhookUrl(url, false)).toMatchObject({ ok: false });
    }
    expect(await checkWebhookUrl('http://127.0.0.1:9/x', true)).toMatchObject({ ok: true });
  });
});
