import { testApp, type TestApp } from './testing/app';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn } from './testing/app';
import type { AddressInfo } from 'node:net';
import { rawRequest } from './fuzz/raw-http';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ bodyLimit: 10_000 });
});
afterAll(() => t.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown; body: string }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(res.body).not.toMatch(/\bat .*\.ts:\d+|select |insert into/i);
  return body;
};

describe('bad input of every kind gets a 4xx problem+json', () => {
  it('malformed JSON → 400 malformed_json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expectProblem(res, 400, 'malformed_json');
  });

  it('wrong types → 400 validation_failed listing each field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42, password: ['x'] } });
    const body = expectProblem(res, 400, 'validation_failed');
    const paths = (body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.email', 'body.password']);
  });

  it('unknown route → 404 route_not_found', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route_not_found');
  });

  it('oversize body → 413 payload_too_large', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.example', password: 'x'.repeat(20_000) } });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('NUL bytes in a body → 400 invalid_characters', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":"a@b.example","password":"x\\u0000y"}' });
    expectProblem(res, 400, 'invalid_characters');
  });

  it('NUL bytes in a query → 400 invalid_characters', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations?q=a%00b' }), 400, 'invalid_characters');
  });

  it('out-of-range numbers → 400 validation_failed', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations?limit=100000' }), 400, 'validation_failed');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'query.limit' })]);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations?limit=1e400' }), 400, 'validation_failed');
  });

  it('a malformed id → 400, not a database error', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations/not-a-uuid' }), 400, 'validation_failed');
  });

  it('a forged cursor → 400 invalid_cursor', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations?cursor=bm9wZQ' }), 400, 'invalid_cursor');
  });

  it('a wrong content type → 415 unsupported_media_type', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('a database constraint violation → 4xx, with the stored data unchanged', async () => {
    const org = await newOrg(t.db);
    const admin = await newUser(t.db, { org, role: 'network_admin' });
    const { cookie } = await signIn(t.app, admin.email);
    const member = await newUser(t.db, { org, role: 'staff' });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/members`, headers: { cookie }, payload: { email: member.email, name: 'Again', role: 'staff' } });
    expectProblem(res, 409, 'already_exists');
    const members = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/members`, headers: { cookie } });
    expect(members.json().data).toHaveLength(2);
  });

  it('a path with invalid percent-encoding → 400 malformed_url (fuzz seed 20260022, admin:GET /api/v1/organizations/{id}/api-keys#21)', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations/%FF%FE/api-keys' }), 400, 'malformed_url');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/organizations/%2/members' }), 400, 'malformed_url');
  });

  it('a path segment over 200 characters is no id of ours → 404 problem+json', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${'a'.repeat(201)}/members` }), 404, 'route_not_found');
  });

  it('headers over node\'s limit → 431 headers_too_large, a request line over it → 414 uri_too_long, on a real socket (fuzz raw:huge-header, raw:long-url)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const cases = [
      [`GET /api/v1/organizations HTTP/1.1\r\nx-big: ${'a'.repeat(70_000)}`, 431, 'headers_too_large'],
      [`GET /api/v1/organizations?q=${'a'.repeat(70_000)} HTTP/1.1`, 414, 'uri_too_long'],
    ] as const;
    for (const [head, status, code] of cases) {
      const res = await rawRequest(port, head);
      expectProblem({ ...res, json: () => JSON.parse(res.body) }, status, code);
    }
  });

  it('every answer carries a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'test-request-123' } });
    expect(res.headers['x-request-id']).toBe('test-request-123');
  });
});

describe('real database errors map to 4xx problems', () => {
  it('a CHECK violation from PostgreSQL → 422 constraint_violation', async () => {
    const { toProblem } = await import('./plugins/errors');
    // Deliberately outside the column's type: the CHECK must refuse it.
    const err = await newOrg(t.db, { type: 'not-a-type' as never }).catch((e: unknown) => e);
    expect(toProblem(err).problem).toMatchObject({ status: 422, code: 'constraint_violation' });
  });
  it('a unique violation from PostgreSQL → 409 already_exists', async () => {
    const { toProblem } = await import('./plugins/errors');
    const u = await newUser(t.db);
    const err = await newUser(t.db, { email: u.email.toUpperCase() }).catch((e: unknown) => e);
    expect(toProblem(err).problem).toMatchObject({ status: 409, code: 'already_exists' });
  });
});

describe('problems in the caller language', () => {
  it('Accept-Language: es answers the title and detail in Spanish with the same code and members', async () => {
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42 } });
    const es = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42 }, headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' } });
    const a = expectProblem(en, 400, 'validation_failed');
    const b = expectProblem(es, 400, 'validation_failed');
    expect(es.headers['content-language']).toBe('es');
    expect(en.headers['content-language']).toBe('en');
    expect(b).toMatchObject({ title: 'La solicitud no es válida', detail: 'Algunos campos necesitan atención.' });
    // The same fields and codes; the messages in Spanish, by code (issue 24).
    const strip = (errors: unknown) => (errors as { message: string }[]).map(({ message: _m, ...rest }) => rest);
    expect(strip(b.errors)).toEqual(strip(a.errors));
    expect((b.errors as { message: string }[]).map((e) => e.message)).toEqual(['Tipo de valor incorrecto', 'Obligatorio']);
    const gone = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'es' } });
    expect(expectProblem(gone, 404, 'route_not_found')).toMatchObject({ title: 'No existe ese punto de acceso' });
    const english = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'en-US,es;q=0.4' } });
    expect(expectProblem(english, 404, 'route_not_found').title).toBe('No such endpoint');
  });
});
