import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const setup = async () => {
  const org = await newOrg(t.db);
  const admin = await newUser(t.db, { org, role: 'org_admin' });
  const { cookie } = await signIn(t.app, admin.email);
  return { org, cookie };
};

describe('API keys', () => {
  it('are shown once, stored hashed, work as Bearer, track last use, and stop at revocation', async () => {
    const { org, cookie } = await setup();
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/api-keys`, headers: { cookie }, payload: { name: 'Sync', scopes: ['directory:read'] } });
    expect(created.statusCode).toBe(201);
    const { id, secret, prefix } = created.json();
    expect(secret.startsWith(prefix)).toBe(true);
    const [row] = await t.db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id));
    expect(row!.secretHash).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/api-keys`, headers: { cookie } });
    expect(list.body).not.toContain(secret);

    const auth = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: auth })).statusCode).toBe(200);
    const [used] = await t.db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, id));
    expect(used!.lastUsedAt).not.toBeNull();

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/organizations/${org.id}/api-keys/${id}`, headers: { cookie } });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: auth });
    expect([after.statusCode, after.json().code]).toEqual([401, 'unauthenticated']);
  });

  it('cannot call user-only operations', async () => {
    const { org, cookie } = await setup();
    const { secret } = (await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/api-keys`, headers: { cookie }, payload: { name: 'k', scopes: ['referrals:read'] } })).json();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect([res.statusCode, res.json().code]).toEqual([403, 'forbidden']);
  });

  it('a garbage bearer token is 401, never a 500', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: { authorization: 'Bearer nonsense' } });
    expect(res.statusCode).toBe(401);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
  });
});
