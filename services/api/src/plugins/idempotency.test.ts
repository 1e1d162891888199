import { sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../testing/app';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await testApp();
  const admin = await newUser(t.db, { org: await newOrg(t.db), role: 'network_admin' });
  ({ cookie } = await signIn(t.app, admin.email));
});
afterAll(() => t.close());

const countNamed = async (name: string) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(schema.organizations).where(sql`${schema.organizations.name} = ${name}`))[0]!.n;

describe('Idempotency-Key on POST', () => {
  it('a retried create returns the first answer and makes one row', async () => {
    const headers = { cookie, 'idempotency-key': 'create-org-1' };
    const payload = { name: 'Idempotent Pantry', type: 'cbo' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(await countNamed('Idempotent Pantry')).toBe(1);
  });

  it('the same key with another body → 422 idempotency_key_reused, nothing written', async () => {
    const headers = { cookie, 'idempotency-key': 'create-org-2' };
    await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: { name: 'First Body', type: 'cbo' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: { name: 'Second Body', type: 'cbo' } });
    expect([res.statusCode, res.json().code]).toEqual([422, 'idempotency_key_reused']);
    expect(await countNamed('Second Body')).toBe(0);
  });

  it('concurrent retries still make one row', async () => {
    const headers = { cookie, 'idempotency-key': 'create-org-3' };
    const payload = { name: 'Concurrent Pantry', type: 'cbo' };
    const results = await Promise.all([1, 2, 3].map(() => t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload })));
    expect(results.map((r) => r.statusCode).every((s) => s === 201 || s === 409)).toBe(true);
    expect(await countNamed('Concurrent Pantry')).toBe(1);
  });

  it('keys are per caller: another user with the same key creates their own', async () => {
    const other = await newUser(t.db, { org: await newOrg(t.db), role: 'network_admin' });
    const c2 = (await signIn(t.app, other.email)).cookie;
    const payload = { name: 'Per Caller Pantry', type: 'cbo' };
    await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'shared-key' }, payload });
    await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie: c2, 'idempotency-key': 'shared-key' }, payload });
    expect(await countNamed('Per Caller Pantry')).toBe(2);
  });
});
