import type { AddressInfo } from 'node:net';
import type { InjectOptions } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { newOrg, newUser, newLocation, newService, newClient, newConsent, newReferral } from '@tandem/db/testing';
import { schema } from '@tandem/db';
import { signIn, testApp, type TestApp } from './testing/app';
import { BAD_UUIDS, body, hashSeed, hostile, NASTY_STRINGS, prng, toJson, valid, deref, type Ctx, type Rng, type Schema } from './fuzz/generate';
import { rawRequest } from './fuzz/raw-http';

/*
 * Issue 22: every operation of the app's own /openapi.json, fuzzed with requests generated from
 * its schemas (wrong types, bounds, NUL, lone surrogates, huge and deep values, malformed ids,
 * bad encodings, malformed multipart), as a network admin, anonymously and with an API key.
 * No answer may be a 5xx; every 4xx is problem+json with code, status and title; no body shows
 * database or stack text.
 *
 * The seed is fixed (CI replays the same cases) and printed; FUZZ_SEED=<n> runs another set,
 * FUZZ_CASE=<case id> (as printed in a failure) runs just the cases whose id contains it and
 * prints each request and answer, and
 * FUZZ_SCALE=<n> runs n times as many cases.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_022);
const ONLY = process.env.FUZZ_CASE;
/** FUZZ_SCALE=<n> multiplies the cases per operation, for a longer local run. */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const PER_OP = { admin: 44 * SCALE, anonymous: 20 * SCALE, apiKey: 8 * SCALE };
const POOL = 6;

const LEAK = /at .*\.ts:\d+|node_modules|syntax error at or near|relation "|duplicate key value|violates .* constraint|PostgresError|ECONNREFUSED/i;

type Role = keyof typeof PER_OP;
interface Op {
  method: string;
  path: string;
  op: Schema;
  params: Schema[];
  bodySchema?: Schema;
  multipart: boolean;
}
interface Finding {
  id: string;
  request: string;
  status: number;
  problem: string;
  body: string;
}

let t: TestApp;
let doc: Schema;
let ops: Op[];
let port: number;
const auth: Record<Role, Record<string, string>> = { admin: {}, anonymous: {}, apiKey: {} };
/** A second admin session spent on POST /auth/logout, so the fuzzing admin stays signed in. */
let spareAdmin: Record<string, string> = {};
let receiverKey: Record<string, string> = {};
/** Real ids by the path segment before a parameter: `/clients/{id}` takes a client's id. */
const idsFor: Record<string, string[]> = {};
let allIds: string[] = [];
const findings: Finding[] = [];
let sent = 0;
const statuses: Record<string, number> = {};
/** Statuses by operation: FUZZ_STATS=1 prints them, to see which operations the fuzz reaches past validation. */
const byOp: Record<string, Record<number, number>> = {};

const describeReq = (o: { method?: string; url?: string; headers?: Record<string, unknown>; payload?: unknown }) => {
  const p = o.payload === undefined ? '' : Buffer.isBuffer(o.payload) ? `<${o.payload.length} bytes> ${o.payload.toString('latin1').slice(0, 300)}` : String(o.payload).slice(0, 300);
  const h = Object.entries(o.headers ?? {})
    .filter(([k]) => k !== 'cookie' && k !== 'authorization')
    .map(([k, v]) => `${k}: ${String(v).slice(0, 80)}`)
    .join('; ');
  return `${o.method} ${String(o.url).slice(0, 300)} [${h}] ${p}`;
};

/** The assertions every answer must pass; failures are collected so one run reports them all. */
const check = (id: string, request: string, res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
  sent++;
  const bucket = `${Math.floor(res.statusCode / 100)}xx`;
  statuses[bucket] = (statuses[bucket] ?? 0) + 1;
  const op = id.replace(/^((admin|anonymous|apiKey|raw-multipart|multipart|raw):)+/, '').replace(/(#\d+|:[\w-]+)$/, '');
  (byOp[op] ??= {})[res.statusCode] = (byOp[op][res.statusCode] ?? 0) + 1;
  if (ONLY) process.stdout.write(`${id}\n  ${request.slice(0, 600)}\n  -> ${res.statusCode} ${res.body.slice(0, 600)}\n`);
  const fail = (problem: string) => findings.push({ id, request, status: res.statusCode, problem, body: res.body.slice(0, 400) });
  if (res.statusCode >= 500) fail('5xx');
  if (res.statusCode === 0) fail('connection closed without an answer');
  if (LEAK.test(res.body)) fail('body leaks database or stack text');
  if (res.statusCode >= 400) {
    const ct = String(res.headers['content-type'] ?? '');
    if (!ct.startsWith('application/problem+json')) return fail(`4xx with content-type "${ct}"`);
    let p: Record<string, unknown>;
    try {
      p = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      return fail('problem body is not JSON');
    }
    if (typeof p.code !== 'string' || p.status !== res.statusCode || typeof p.title !== 'string') fail('problem lacks code, status (= HTTP status) or title');
  }
};

/** Runs `tasks` with at most POOL in flight. */
const pool = async (tasks: (() => Promise<void>)[], size = POOL) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
};

const ctxFor = (rng: Rng): Ctx => ({ rng, seed: SEED, doc, ids: allIds });

/** Percent-encodes the UTF-8 bytes of a string (lone surrogates become U+FFFD, as a browser would send). */
const pct = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
/** Escapes that are not valid percent-encoding, or decode to bytes that are not UTF-8. */
const BAD_ESCAPES = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF%FE', '%u0041', '%%', '%2', '%00'];

/**
 * What a case breaks. A third of cases are well-formed (they reach the handlers and change rows
 * the other cases then meet), most break one part (path, query, headers or body), the rest break
 * everything at once.
 */
type Part = 'path' | 'query' | 'headers' | 'body';
type Plan = (part: Part) => number;
const planFor = (o: Op, rng: Rng): Plan => {
  const r = rng.next();
  if (r < 0.33) return () => 0;
  if (r < 0.8) {
    const parts: Part[] = ['headers'];
    if (o.path.includes('{')) parts.push('path');
    if (o.params.some((p) => p.in === 'query')) parts.push('query', 'query');
    if (o.bodySchema) parts.push('body', 'body', 'body');
    const target = rng.pick(parts);
    return (part) => (part === target ? 1 : 0);
  }
  return () => 0.45;
};

const paramValue = (o: Op, name: string, rng: Rng, hostility: number) => {
  const seg = o.path.split('/').slice(0, o.path.split('/').indexOf(`{${name}}`)).pop() ?? '';
  const pool = idsFor[`${seg}/${name}`] ?? idsFor[seg] ?? allIds;
  if (!rng.chance(hostility)) return pool.length && rng.chance(0.9) ? rng.pick(pool) : pct(String(valid({ type: 'string', format: 'uuid' }, { ...ctxFor(rng), ids: [] })));
  const r = rng.next();
  if (r < 0.4) return pct(rng.pick(BAD_UUIDS)) || 'x';
  if (r < 0.8) return pct(rng.pick(NASTY_STRINGS).slice(0, 300)) || '%20';
  return rng.pick(BAD_ESCAPES);
};

const queryString = (o: Op, rng: Rng, hostility: number) => {
  const parts: string[] = [];
  const params = o.params.filter((x) => x.in === 'query');
  // Breaking the query breaks one parameter (or adds an unknown one) when hostility is 1.
  const victim = hostility === 1 ? rng.int(0, params.length) : -1;
  params.forEach((p, n) => {
    const hostile_ = hostility === 1 ? n === victim : rng.chance(hostility);
    if (!hostile_ && !rng.chance(p.required ? 1 : 0.4)) return;
    const c = ctxFor(rng);
    const v = !hostile_ ? valid(p.schema, c) : p.name === 'cursor' && rng.chance(0.5) ? craftedCursor(rng) : hostile(p.schema, c);
    const enc = (x: unknown) => pct(typeof x === 'string' ? x : toJson(x).slice(0, 50_000));
    if (Array.isArray(v) && rng.chance(0.5)) v.slice(0, 50).forEach((x) => parts.push(`${p.name}=${enc(x)}`));
    else parts.push(`${p.name}=${hostile_ && rng.chance(0.1) ? rng.pick(BAD_ESCAPES) : enc(v)}`);
  });
  if (victim === params.length || (hostility > 0 && hostility < 1 && rng.chance(0.1))) {
    parts.push(rng.pick(['unknown=1', 'limit[]=1', 'limit[a]=b', '__proto__[x]=1', 'constructor.prototype.x=1', '=', '&&', 'q', `${pct(rng.pick(NASTY_STRINGS).slice(0, 200))}=1`]));
  }
  return parts.length ? `?${parts.join('&')}` : '';
};

/** Cursors are base64url JSON tuples of a sort key and an id: well-encoded ones with hostile insides. */
const craftedCursor = (rng: Rng) => {
  const key = rng.pick<unknown>(['', 'a\u0000b', '\ud800', 'not-a-time', '2026-01-01 00:00:00+00', '9999-99-99', 'x'.repeat(41), 1e308, -1, 0.5, null, true, [], {}, "' or 1=1 --"]);
  const id = rng.chance(0.7) && allIds.length ? rng.pick(allIds) : rng.pick(BAD_UUIDS);
  const tuple = rng.pick<unknown>([[key, id], [key], [key, id, 1], { 0: key, 1: id }, key, []]);
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
};

const WRONG_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=utf-16', 'application/vnd.api+json', 'application/json; charset=latin1', '*/*', 'application/jsonx', ''];

/** One generated request for an operation: the same id always gives the same request. */
const caseFor = (o: Op, role: Role, i: number): { id: string; req: InjectOptions } => {
  const id = `${role}:${o.method} ${o.path}#${i}`;
  const rng = prng(hashSeed(`${SEED}:${id}`));
  const plan = planFor(o, rng);
  const path = o.path.replace(/\{(\w+)\}/g, (_, name: string) => paramValue(o, name, rng, plan('path')));
  const headers: Record<string, string> = { ...(o.path === '/api/v1/auth/logout' && role === 'admin' ? spareAdmin : role === 'apiKey' && rng.chance(0.5) ? receiverKey : auth[role]) };
  if (/PATCH|PUT|DELETE/.test(o.method) && rng.chance(0.5)) headers['if-match'] = rng.chance(plan('headers')) ? rng.pick(['W/"1"', '*', '"abc"', '"99999999999999999999"', '"-1"', '""', '1.5']) : `"${rng.int(1, 3)}"`;
  if (rng.chance(plan('headers'))) {
    const kind = rng.int(0, 3);
    // Credentials that are not: a forged session, a malformed or unknown API key.
    if (kind === 0) Object.assign(headers, rng.pick([{ cookie: `tandem_session=${pct(rng.pick(NASTY_STRINGS).slice(0, 300))}` }, { cookie: 'tandem_session=' }, { authorization: 'Bearer tdm_' }, { authorization: `Bearer tdm_${'a'.repeat(64)}` }, { authorization: 'Bearer' }, { authorization: 'Basic Og==' }, { authorization: `Bearer ${'x'.repeat(5000)}` }]));
    if (kind === 1) headers.accept = rng.pick(['text/csv', 'application/xml', 'application/x-ndjson', '*/*', 'text/html;q=0', 'application/json;q=abc']);
    if (kind === 2) headers['x-request-id'] = rng.pick(['', 'a', 'x'.repeat(300), '../../etc', 'é']);
    if (kind === 3) headers['idempotency-key'] = rng.pick(['x'.repeat(201), ' ', 'é', '']);
  } else if (o.method === 'POST' && rng.chance(0.15)) headers['idempotency-key'] = `fuzz-${SEED}-${rng.int(0, 20)}`;
  const req: InjectOptions = { method: o.method as InjectOptions['method'], url: path + queryString(o, rng, plan('query')), headers };
  if (o.bodySchema) {
    const breakBody = rng.chance(plan('body'));
    let text = toJson(breakBody ? body(o.bodySchema, ctxFor(rng)) : valid(o.bodySchema, ctxFor(rng)));
    headers['content-type'] = 'application/json';
    const r = breakBody ? rng.next() : 1;
    if (r < 0.05) text = text.slice(0, rng.int(0, Math.max(0, text.length - 1)));
    else if (r < 0.1) headers['content-type'] = rng.pick(WRONG_TYPES);
    else if (r < 0.13) text = '';
    if (r >= 0.13 && r < 0.17) {
      // Invalid UTF-8 inside a JSON string: a lone continuation byte, an overlong slash, a surrogate.
      const bad = rng.pick([[0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]);
      req.payload = Buffer.concat([Buffer.from('{"name":"a'), Buffer.from(bad), Buffer.from('b","reason":"x"}')]);
    } else req.payload = text;
  } else if (o.method !== 'GET' && rng.chance(plan('body') || plan('headers') * 0.3)) {
    headers['content-type'] = rng.pick(['application/json', 'text/plain']);
    req.payload = rng.pick(['{}', '{', 'null', '[]', 'x']);
  }
  return { id, req };
};

const inject = async (id: string, req: InjectOptions) => {
  const res = await t.app.inject(req);
  check(id, describeReq(req as Parameters<typeof describeReq>[0]), res);
};

beforeAll(async () => {
  process.stdout.write(`\nfuzz: seed ${SEED}, scale ${SCALE} (replay with FUZZ_SEED=${SEED}; one case with FUZZ_CASE="<case id>")\n`);
  t = await testApp();
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  ops = [];
  for (const [path, byMethod] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(byMethod)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        op,
        params: op.parameters ?? [],
        bodySchema: content['application/json']?.schema,
        multipart: Boolean(content['multipart/form-data']) || /multipart\/form-data/.test(op.description ?? ''),
      });
    }
  }

  // The world the fuzz reaches into: each kind of row the paths name, as real ids.
  const clinic = await newOrg(t.db, { name: 'Fuzz Clinic', type: 'clinic' });
  const cbo = await newOrg(t.db, { name: 'Fuzz Pantry', type: 'cbo' });
  const location = await newLocation(t.db, cbo.id);
  const service = await newService(t.db, cbo.id, { locationIds: [location.id] });
  const [contact] = await t.db.insert(schema.contacts).values({ organizationId: cbo.id, serviceId: service.id, name: 'Fuzz Contact' }).returning();
  const [agreement] = await t.db.insert(schema.agreements).values({ kind: 'mou', status: 'active', title: 'Fuzz MOU' }).returning();
  await t.db.insert(schema.agreementParties).values([clinic, cbo].map((o) => ({ agreementId: agreement!.id, organizationId: o.id })));
  const client = await newClient(t.db, clinic);
  const noLanguage = await newClient(t.db, clinic, { preferredLanguage: null });
  const consent = await newConsent(t.db, client);
  await newConsent(t.db, noLanguage);
  const draft = await newReferral(t.db, { from: clinic, to: cbo, client });
  const sentReferral = await newReferral(t.db, { from: clinic, to: cbo, client: noLanguage, receivingServiceId: service.id, status: 'sent', sentAt: new Date() });
  const [message] = await t.db.insert(schema.referralMessages).values({ referralId: sentReferral.id, authorOrgId: clinic.id, body: 'Fuzz message' }).returning();
  // Referrals in more states, so transitions, forwards and first contact run their rules.
  const more = [];
  for (const status of ['acknowledged', 'accepted', 'in_progress', 'on_hold', 'completed'] as const) {
    more.push(await newReferral(t.db, { from: clinic, to: cbo, client, receivingServiceId: service.id, status, sentAt: new Date(), needs: ['housing-instability'] }));
  }
  const admin = await newUser(t.db, { org: clinic, role: 'network_admin' });
  const staff = await newUser(t.db, { org: cbo, role: 'staff' });
  const orgAdmin = await newUser(t.db, { org: clinic, role: 'org_admin' });
  auth.admin = await signIn(t.app, admin.email);
  spareAdmin = await signIn(t.app, admin.email);
  const orgAdminAuth = await signIn(t.app, orgAdmin.email);
  const keyBody = deref(ops.find((o) => o.method === 'POST' && o.path.endsWith('/api-keys'))!.bodySchema, doc);
  const scopes = deref(keyBody.properties.scopes.items, doc).enum as string[];
  const mkKey = async () => (await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${clinic.id}/api-keys`, headers: orgAdminAuth, payload: { name: 'fuzz', scopes } })).json();
  const key = await mkKey();
  const spareKey = await mkKey();
  auth.apiKey = { authorization: `Bearer ${key.secret}` };
  // The receiving organization's key too: forward, assign and first contact are the receiver's.
  const cboAdmin = await signIn(t.app, (await newUser(t.db, { org: cbo, role: 'org_admin' })).email);
  const cboKey = (await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${cbo.id}/api-keys`, headers: cboAdmin, payload: { name: 'fuzz', scopes } })).json();
  receiverKey = { authorization: `Bearer ${cboKey.secret}` };
  Object.assign(idsFor, {
    organizations: [clinic.id, cbo.id],
    services: [service.id],
    locations: [location.id],
    contacts: [contact!.id],
    agreements: [agreement!.id],
    clients: [client.id, noLanguage.id],
    consents: [consent.id],
    referrals: [draft.id, sentReferral.id, ...more.map((r) => r.id)],
    'api-keys/keyId': [spareKey.id],
    'members/userId': [staff.id, orgAdmin.id],
    'messages/messageId': [message!.id],
  });
  // HSDS ids of rows without a table of their own here (service at location, taxonomy, term).
  for (const kind of ['service_at_locations', 'taxonomies', 'taxonomy_terms']) {
    const page = (await t.app.inject({ method: 'GET', url: `/hsds/${kind}?per_page=3` })).json() as { contents?: { id: string }[] };
    idsFor[kind] = (page.contents ?? []).map((x) => x.id);
  }
  allIds = [...new Set(Object.values(idsFor).flat())];
  const address = t.app.server.address() ?? (await t.app.listen({ port: 0, host: '127.0.0.1' }), t.app.server.address());
  port = (address as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe(`fuzz every operation of /openapi.json (seed ${SEED})`, () => {
  it('the document lists the operations', () => {
    expect(ops.length).toBeGreaterThan(60);
  });

  it.each(Object.keys(PER_OP) as Role[])('as %s: no 5xx, every 4xx a problem, no leaks', async (role) => {
    const cases = ops.flatMap((o) => Array.from({ length: PER_OP[role] }, (_, i) => caseFor(o, role, i))).filter((c) => !ONLY || c.id.includes(ONLY));
    await pool(cases.map((c) => () => inject(c.id, c.req)));
    // The fuzzing admin is still signed in: its requests were not answered 401 for want of a session.
    if (role === 'admin') expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth.admin })).statusCode).toBe(200);
  }, 120_000);

  it('bad encodings over a real socket: invalid percent-encoding, invalid UTF-8, oversize URLs and headers', async () => {
    const tasks: (() => Promise<void>)[] = [];
    const raw = (id: string, head: string | Buffer, payload: Buffer | string = '') => {
      if (ONLY && !id.includes(ONLY)) return;
      tasks.push(async () => {
        const res = await rawRequest(port, head, payload).catch((err: Error) => ({ statusCode: 0, headers: {}, body: `no answer: ${err.message}` }));
        check(id, `${Buffer.isBuffer(head) ? head.toString('latin1') : head} ${Buffer.isBuffer(payload) ? `<${payload.length} bytes>` : payload.slice(0, 200)}`.slice(0, 500), res);
      });
    };
    const cookie = `cookie: ${auth.admin.cookie}`;
    ops.forEach((o, n) => {
      const rng = prng(hashSeed(`${SEED}:raw:${o.method} ${o.path}`));
      const id = (k: string) => `raw:${o.method} ${o.path}:${k}`;
      const withParam = (v: string) => o.path.replace(/\{(\w+)\}/g, () => v);
      const bad = rng.pick(BAD_ESCAPES);
      raw(id('path'), `${o.method} ${o.path.includes('{') ? withParam(bad) : `${o.path}${bad}`} HTTP/1.1\r\n${cookie}`);
      const q = o.params.find((p) => p.in === 'query');
      raw(id('query'), `${o.method} ${withParam(idsFor.organizations![0]!)}?${q ? q.name : 'x'}=${rng.pick(BAD_ESCAPES)} HTTP/1.1\r\n${cookie}`);
      raw(id('query-bytes'), Buffer.concat([Buffer.from(`${o.method} ${withParam(allIds[n % allIds.length]!)}?${q ? q.name : 'x'}=`), Buffer.from([0xff, 0xc3]), Buffer.from(` HTTP/1.1\r\n${cookie}`)]));
      if (o.bodySchema) {
        const url = withParam(allIds[n % allIds.length]!);
        const json = toJson(valid(o.bodySchema, ctxFor(rng)));
        const cut = json.replace(/"([^"]*)"/, (_m, s: string) => `"${s}\u0000MARK"`);
        const [before, after] = cut.split('\u0000MARK');
        const invalidUtf8 = after === undefined ? Buffer.from([0x7b, 0xff, 0x7d]) : Buffer.concat([Buffer.from(before!), Buffer.from([0xed, 0xa0, 0x80, 0xff]), Buffer.from(after)]);
        raw(id('utf8'), `${o.method} ${url} HTTP/1.1\r\n${cookie}\r\ncontent-type: application/json`, invalidUtf8);
        raw(id('truncated'), `${o.method} ${url} HTTP/1.1\r\n${cookie}\r\ncontent-type: application/json`, json.slice(0, Math.max(1, json.length >> 1)));
        raw(id('type'), `${o.method} ${url} HTTP/1.1\r\n${cookie}\r\ncontent-type: ${rng.pick(WRONG_TYPES) || 'text/plain'}`, json);
      }
    });
    // A method the path does not have: 404 route_not_found, not a 5xx.
    const methodsByPath = new Map<string, Set<string>>();
    for (const o of ops) methodsByPath.set(o.path, (methodsByPath.get(o.path) ?? new Set()).add(o.method));
    for (const [path, methods] of methodsByPath) {
      const other = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((m) => !methods.has(m))!;
      raw(`raw:method:${other} ${path}`, `${other} ${path.replace(/\{(\w+)\}/g, () => allIds[0]!)} HTTP/1.1\r\n${cookie}\r\ncontent-type: application/json`, '{}');
    }
    const some = '/api/v1/organizations';
    raw('raw:long-url', `GET ${some}?q=${'a'.repeat(70_000)} HTTP/1.1\r\n${cookie}`);
    raw('raw:long-param', `GET ${some}/${'a'.repeat(300)} HTTP/1.1\r\n${cookie}`);
    raw('raw:huge-header', `GET ${some} HTTP/1.1\r\n${cookie}\r\nx-fuzz: ${'a'.repeat(70_000)}`);
    raw('raw:many-headers', `GET ${some} HTTP/1.1\r\n${cookie}\r\n${Array.from({ length: 3000 }, (_, i) => `x-h${i}: ${'v'.repeat(20)}`).join('\r\n')}`);
    raw('raw:bad-cookie', `GET /api/v1/me HTTP/1.1\r\ncookie: tandem_session=%zz%ff; tandem_session=${'x'.repeat(5000)}`);
    raw('raw:bad-auth', `GET /api/v1/referrals HTTP/1.1\r\nauthorization: Bearer tdm_${'%ff'.repeat(100)}`);
    raw('raw:bad-auth-scheme', `GET /api/v1/referrals HTTP/1.1\r\nauthorization: Basic ${Buffer.from('a:b').toString('base64')}`);
    raw('raw:dot-segments', `GET /api/v1/../../etc/passwd HTTP/1.1\r\n${cookie}`);
    raw('raw:absolute-form', `GET http://127.0.0.1/api/v1/organizations HTTP/1.1\r\n${cookie}`);
    raw('raw:unknown-method', `PROPFIND ${some} HTTP/1.1\r\n${cookie}`);
    await pool(tasks, 4);
  }, 120_000);

  it('malformed multipart where an operation takes it', async () => {
    const multipartOps = ops.filter((o) => o.multipart);
    expect(multipartOps.length).toBeGreaterThan(0);
    const b = 'fuzzBoundary7MA4YWxkTrZu0gW';
    const part = (name: string, filename: string, content: string) => `--${b}\r\ncontent-disposition: form-data; name="${name}"; filename="${filename}"\r\ncontent-type: text/csv\r\n\r\n${content}\r\n`;
    const cases: [string, string, string | Buffer][] = [
      ['no-boundary', 'multipart/form-data', part('organizations.csv', 'organizations.csv', 'id,name\n1,a') + `--${b}--\r\n`],
      ['empty-boundary', 'multipart/form-data; boundary=', `--\r\n\r\n`],
      ['empty-body', `multipart/form-data; boundary=${b}`, ''],
      ['no-closing-boundary', `multipart/form-data; boundary=${b}`, part('organizations.csv', 'organizations.csv', 'id,name\n1,a')],
      ['truncated-headers', `multipart/form-data; boundary=${b}`, `--${b}\r\ncontent-disposition: form-da`],
      ['wrong-boundary', `multipart/form-data; boundary=${b}`, `--other\r\ncontent-disposition: form-data; name="a"\r\n\r\nx\r\n--other--\r\n`],
      ['no-disposition', `multipart/form-data; boundary=${b}`, `--${b}\r\ncontent-type: text/csv\r\n\r\nid\n1\r\n--${b}--\r\n`],
      ['no-name', `multipart/form-data; boundary=${b}`, `--${b}\r\ncontent-disposition: form-data; filename="x.csv"\r\n\r\nid\n1\r\n--${b}--\r\n`],
      ['field-not-file', `multipart/form-data; boundary=${b}`, `--${b}\r\ncontent-disposition: form-data; name="organizations.csv"\r\n\r\nid,name\r\n--${b}--\r\n`],
      ['path-filename', `multipart/form-data; boundary=${b}`, part('f', '../../../etc/passwd', 'x') + `--${b}--\r\n`],
      ['nul-filename', `multipart/form-data; boundary=${b}`, part('f', 'org\u0000anizations.csv', 'id,name\n1,a') + `--${b}--\r\n`],
      ['binary-csv', `multipart/form-data; boundary=${b}`, Buffer.concat([Buffer.from(part('services.csv', 'services.csv', '')), Buffer.from([0xff, 0xfe, 0x00, 0xed, 0xa0, 0x80]), Buffer.from(`\r\n--${b}--\r\n`)])],
      ['csv-garbage', `multipart/form-data; boundary=${b}`, part('organizations.csv', 'organizations.csv', '"unterminated,\n\u0000,\ud800\n' + 'a,'.repeat(5000)) + `--${b}--\r\n`],
      ['unknown-file', `multipart/form-data; boundary=${b}`, part('x.csv', 'evil.exe', 'MZ') + `--${b}--\r\n`],
      ['too-many-files', `multipart/form-data; boundary=${b}`, Array.from({ length: 45 }, (_, i) => part(`f${i}`, `f${i}.csv`, 'id\n1')).join('') + `--${b}--\r\n`],
      ['many-fields', `multipart/form-data; boundary=${b}`, `--${b}\r\ncontent-disposition: form-data; name="a"\r\n\r\nx\r\n--${b}--\r\n`],
      ['huge-part-headers', `multipart/form-data; boundary=${b}`, `--${b}\r\ncontent-disposition: form-data; name="${'a'.repeat(100_000)}"; filename="a.csv"\r\n\r\nx\r\n--${b}--\r\n`],
      ['json-instead', 'application/json', '{"organizations.csv":"id,name"}'],
      // A .zip part (the data package upload): not a zip, empty, cut short, entries with odd names.
      ['zip-garbage', `multipart/form-data; boundary=${b}`, part('package.zip', 'package.zip', 'PK\u0003\u0004 not really a zip') + `--${b}--\r\n`],
      ['zip-empty', `multipart/form-data; boundary=${b}`, part('package.zip', 'package.zip', '') + `--${b}--\r\n`],
      ['zip-truncated', `multipart/form-data; boundary=${b}`, Buffer.concat([Buffer.from(part('p', 'package.zip', '').slice(0, -2)), Buffer.from(zipSync({ 'organizations.csv': strToU8('id,name\n1,a') })).subarray(0, 50), Buffer.from(`\r\n--${b}--\r\n`)])],
      ['zip-odd-entries', `multipart/form-data; boundary=${b}`, Buffer.concat([Buffer.from(part('p', 'package.zip', '').slice(0, -2)), Buffer.from(zipSync({ '../../etc/organizations.csv': strToU8('id,name\n1,a'), 'dir/': new Uint8Array(0), 'services.csv': new Uint8Array([0xff, 0xfe, 0]) })), Buffer.from(`\r\n--${b}--\r\n`)])],
    ];
    const tasks: (() => Promise<void>)[] = [];
    for (const o of multipartOps) {
      for (const role of ['admin', 'anonymous'] as const) {
        for (const [name, type, payload] of cases) {
          const id = `multipart:${role}:${o.method} ${o.path}:${name}`;
          if (ONLY && !id.includes(ONLY)) continue;
          const req: InjectOptions = { method: o.method as InjectOptions['method'], url: o.path, headers: { ...auth[role], 'content-type': type }, payload };
          tasks.push(() => inject(id, req));
          tasks.push(async () => {
            const head = `${o.method} ${o.path} HTTP/1.1\r\n${auth[role].cookie ? `cookie: ${auth[role].cookie}\r\n` : ''}content-type: ${type}`;
            const res = await rawRequest(port, head, payload).catch((err: Error) => ({ statusCode: 0, headers: {}, body: `no answer: ${err.message}` }));
            check(`raw-${id}`, describeReq(req as Parameters<typeof describeReq>[0]), res);
          });
        }
      }
    }
    await pool(tasks, 2);
  }, 60_000);

  it(`finds nothing (seed ${SEED})`, () => {
    process.stdout.write(`fuzz: seed ${SEED}: ${sent} requests, statuses ${JSON.stringify(statuses)}, ${findings.length} findings\n`);
    if (process.env.FUZZ_STATS) process.stdout.write(`${Object.entries(byOp).map(([op, st]) => `${op} ${JSON.stringify(st)}`).join('\n')}\n`);
    if (!ONLY) expect(sent).toBeGreaterThanOrEqual(5000);
    // One line per kind of finding and operation, with the first case to replay it.
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = `${f.status} ${f.problem} @ ${f.id.replace(/^((admin|anonymous|apiKey|raw-multipart|multipart):)+/, '').replace(/(#\d+|:[\w-]+)$/, '')}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const report = [...groups.entries()]
      .map(([k, [f, ...more]]) => `${k} (${more.length + 1} case(s))\n  FUZZ_SEED=${SEED} FUZZ_CASE="${f!.id}"\n  ${f!.request.slice(0, 240)}\n  -> ${f!.status} ${f!.body.slice(0, 240)}`)
      .join('\n');
    expect(report).toBe('');
  });
});
