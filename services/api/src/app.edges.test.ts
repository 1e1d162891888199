import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { newOrg, newUser, TEST_PASSWORD } from '@tandem/db/testing';
import { loadConfig } from './config';
import { testApp, type TestApp, apiKey, member } from './testing/app';
import { world } from './modules/referrals/testing';

// Answers from outside the routes: the router and Node's HTTP parser. Tested on a real listening
// server with raw requests, since inject skips the parser.
let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await testApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Sends raw bytes and returns the parsed status, headers and body of the answer. */
const raw = (request: string) =>
  new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('error', (e) => (data ? undefined : reject(e)));
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.write(request);
  });

const expectProblem = (res: { status: number; headers: Record<string, string>; body: string }, status: number, code: string) => {
  expect([res.status, res.headers['content-type']]).toEqual([status, expect.stringMatching(/^application\/problem\+json/)]);
  expect(JSON.parse(res.body)).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
};

describe('errors before a route answer problem+json with a stable code', () => {
  it('a URL that does not percent-decode → 400 malformed_url', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations/%E0%A4%A`);
    expectProblem({ status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? '' }, body: await res.text() }, 400, 'malformed_url');
  });

  it('a URL longer than we serve → 414 uri_too_long', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations?q=${'a'.repeat(9000)}`);
    expectProblem({ status: res.status, headers: { 'content-type': res.headers.get('content-type') ?? '' }, body: await res.text() }, 414, 'uri_too_long');
  });

  it('a URL longer than the HTTP parser takes → 414 uri_too_long', async () => {
    expectProblem(await raw(`GET /api/v1/organizations?q=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'uri_too_long');
  });

  it('headers larger than the HTTP parser takes → 431 headers_too_large', async () => {
    expectProblem(await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(40_000)}\r\n\r\n`), 431, 'headers_too_large');
  });

  it('bytes that are not HTTP → 400 malformed_request', async () => {
    expectProblem(await raw('this is not http\r\n\r\n'), 400, 'malformed_request');
  });
});

describe('Cache-Control: no-store on everything a caller reads with credentials', () => {
  it('PHI and account answers are no-store, for a session and for an API key; anonymous directory reads are not', async () => {
    const w = await world(t);
    const r = await w.sent();
    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'hello' });
    const admin = await member(t, w.clinic, 'org_admin');
    const urls = [
      '/api/v1/referrals?box=sent',
      `/api/v1/referrals/${r.id}`,
      `/api/v1/referrals/${r.id}/messages`,
      `/api/v1/referrals/${r.id}/timeline`,
      `/api/v1/clients/${w.client.id}`,
      `/api/v1/clients/${w.client.id}/consents`,
      '/api/v1/notifications',
      '/api/v1/audit',
      `/api/v1/organizations/${w.clinic.id}/members`,
      `/api/v1/organizations/${w.clinic.id}/api-keys`,
      '/api/v1/me',
      `/api/v1/organizations/${w.clinic.id}`,
      '/api/v1/does-not-exist',
    ];
    for (const url of urls) {
      const res = await admin.call('GET', url);
      expect([url, res.headers['cache-control']]).toEqual([url, 'no-store']);
    }
    const written = await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'again' });
    expect([written.status, written.headers['cache-control']]).toEqual([201, 'no-store']);
    const key = await apiKey(t, w.clinic, ['referrals:read']);
    for (const url of ['/api/v1/referrals?box=sent', `/api/v1/referrals/${r.id}`, `/api/v1/referrals/${r.id}/messages`]) {
      expect([url, (await key('GET', url)).headers['cache-control']]).toEqual([url, 'no-store']);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: w.chw.user.email, password: TEST_PASSWORD } });
    expect([login.statusCode, login.headers['cache-control']]).toEqual([200, 'no-store']);
    const refused = await t.app.inject({ method: 'GET', url: `/api/v1/referrals/${r.id}` });
    expect([refused.statusCode, refused.headers['cache-control']]).toEqual([401, undefined]);
    // Public directory reads by the public stay cacheable.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${w.clinic.id}` })).headers['cache-control']).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/hsds/services' })).headers['cache-control']).toBeUndefined();
  });
});

describe('cross-site writes with the session cookie are refused', () => {
  it('a foreign Origin or Sec-Fetch-Site: cross-site on POST/PATCH/PUT/DELETE → 403 foreign_origin; nothing changes', async () => {
    const w = await world(t);
    const r = await w.sent();
    const before = (await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages`)).body.data.length;
    const attempts: [string, string, unknown, Record<string, string>][] = [
      ['POST', `/api/v1/referrals/${r.id}/messages`, { body: 'forged' }, { origin: 'https://evil.example' }],
      ['POST', `/api/v1/referrals/${r.id}/messages`, { body: 'forged' }, { origin: 'null' }],
      ['POST', `/api/v1/referrals/${r.id}/messages`, { body: 'forged' }, { 'sec-fetch-site': 'cross-site' }],
      ['POST', `/api/v1/referrals/${r.id}/read`, undefined, { origin: 'https://evil.example' }],
      ['POST', '/api/v1/auth/logout', undefined, { origin: 'https://evil.example' }],
      ['PATCH', '/api/v1/me', { name: 'Forged' }, { origin: 'https://evil.example' }],
      ['DELETE', `/api/v1/organizations/${w.clinic.id}/api-keys/00000000-0000-4000-8000-000000000000`, undefined, { origin: 'https://evil.example' }],
    ];
    for (const [method, url, body, headers] of attempts) {
      const res = await w.chw.call(method as 'POST', url, body, headers);
      expect([method, url, res.status, res.body?.code, res.headers['content-type']]).toEqual([method, url, 403, 'foreign_origin', expect.stringMatching(/^application\/problem\+json/)]);
    }
    expect((await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages`)).body.data.length).toBe(before);
    expect((await w.chw.call('GET', '/api/v1/me')).body.user.name).toBe('Carla CHW');
  });

  it('the web origin, this server’s own origin, same-origin fetches and API keys pass', async () => {
    const w = await world(t);
    const r = await w.sent();
    const url = `/api/v1/referrals/${r.id}/messages`;
    expect((await w.chw.call('POST', url, { body: 'from the web app' }, { origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'same-site' })).status).toBe(201);
    expect((await w.chw.call('POST', url, { body: 'served here' }, { origin: 'http://localhost:80', host: 'localhost:80' })).status).toBe(201);
    expect((await w.chw.call('POST', url, { body: 'same origin' }, { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await w.chw.call('POST', url, { body: 'no browser' })).status).toBe(201);
    const key = await apiKey(t, w.clinic, ['referrals:read', 'referrals:write']);
    expect((await key('POST', url, { body: 'integration' }, { origin: 'https://partner.example' })).status).toBe(201);
  });
});

describe('the session cookie is Secure whenever the app is served over HTTPS', () => {
  it('is Secure by default in production, unless COOKIE_SECURE=false says otherwise', () => {
    expect(loadConfig('postgres://x', { NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig('postgres://x', { NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig('postgres://x', { NODE_ENV: 'development' }).cookieSecure).toBe(false);
  });

  it('is Secure for a login that came over HTTPS through a trusted proxy, even with cookieSecure off', async () => {
    const prod = await testApp({ env: 'production', cookieSecure: false });
    try {
      const u = await newUser(prod.db, { org: await newOrg(prod.db) });
      const login = (headers: Record<string, string>) =>
        prod.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email: u.email, password: TEST_PASSWORD } });
      const overHttps = (await login({ 'x-forwarded-proto': 'https' })).cookies.find((c) => c.name === 'tandem_session');
      expect(overHttps).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
      expect((await login({})).cookies.find((c) => c.name === 'tandem_session')?.secure).toBeFalsy();
    } finally {
      await prod.close();
    }
    // Outside production the proxy is not trusted: a forged header does not change the cookie.
    const u = await newUser(t.db, { org: await newOrg(t.db) });
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: u.email, password: TEST_PASSWORD } });
    expect(forged.cookies.find((c) => c.name === 'tandem_session')?.secure).toBeFalsy();
  });
});
