import { newOrg, newUser } from '@tandem/db/testing';
import type { Role } from '@tandem/contract';
import { signIn, testApp, type TestApp } from './testing/app';

// The authorization layer: each route declares a rule; a role without the right is refused.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const as = async (role: Role | null, org?: { id: string }) => {
  const o = org ?? (await newOrg(t.db));
  if (!role) return { cookie: '' };
  const u = await newUser(t.db, { org: o, role });
  return signIn(t.app, u.email);
};
const newOrgBody = { name: 'Access Test Org', type: 'cbo' };

describe('authorization layer', () => {
  it.each<[Role | null, number]>([
    [null, 401],
    ['staff', 403],
    ['org_admin', 403],
    ['collaboration_team', 403],
    ['board_coordinator', 403],
    ['network_admin', 201],
  ])('POST /api/v1/organizations as %s → %i', async (role, status) => {
    const { cookie } = await as(role);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: cookie ? { cookie } : {}, payload: newOrgBody });
    expect(res.statusCode).toBe(status);
  });

  it('an org admin manages members of their own organization only', async () => {
    const mine = await newOrg(t.db);
    const other = await newOrg(t.db);
    const { cookie } = await as('org_admin', mine);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${mine.id}/members`, headers: { cookie } })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${other.id}/members`, headers: { cookie } });
    expect([res.statusCode, res.json().code]).toEqual([403, 'forbidden']);
    const invite = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${other.id}/members`, headers: { cookie }, payload: { email: 'x@test.example', name: 'X', role: 'staff' } });
    expect(invite.statusCode).toBe(403);
    const members = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${other.id}/members`, headers: { cookie: (await as('network_admin')).cookie } });
    expect(members.json().data).toHaveLength(0);
  });

  it('staff list their active colleagues (names and roles, no emails); other organizations cannot', async () => {
    const mine = await newOrg(t.db);
    const other = await newOrg(t.db);
    const colleague = await newUser(t.db, { org: mine, role: 'org_admin', name: 'Ana Colleague' });
    await newUser(t.db, { org: mine, role: 'staff', password: null }); // invited, cannot sign in yet
    const staff = await as('staff', mine);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${mine.id}/colleagues`, headers: staff });
    expect(res.statusCode).toBe(200);
    const data = res.json().data as Record<string, unknown>[];
    expect(data).toHaveLength(2);
    expect(data).toContainEqual({ userId: colleague.id, name: 'Ana Colleague', role: 'org_admin' });
    expect(JSON.stringify(data)).not.toContain('@');
    const outsider = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${other.id}/colleagues`, headers: staff });
    expect([outsider.statusCode, outsider.json().code]).toEqual([403, 'forbidden']);
  });

  it('staff cannot create API keys; an org admin cannot grant network_admin', async () => {
    const org = await newOrg(t.db);
    const staff = await as('staff', org);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/api-keys`, headers: staff, payload: { name: 'k', scopes: ['directory:read'] } })).statusCode).toBe(403);
    const admin = await as('org_admin', org);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/members`, headers: admin, payload: { email: 'boss@test.example', name: 'Boss', role: 'network_admin' } });
    expect(res.statusCode).toBe(403);
  });

  it('keeps at least one org admin', async () => {
    const org = await newOrg(t.db);
    const u = await newUser(t.db, { org, role: 'org_admin' });
    const { cookie } = await signIn(t.app, u.email);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}/members/${u.id}`, headers: { cookie }, payload: { role: 'staff' } });
    expect([res.statusCode, res.json().code]).toEqual([409, 'conflict']);
  });

  // The auth plugin reuses a session lookup for a few seconds (lib/auth-cache.ts); a change of
  // who may do what must still apply on the very next request.
  it('a role change, a removal and a sign-out apply on the next request despite the sign-in cache', async () => {
    const org = await newOrg(t.db);
    const u = await newUser(t.db, { org, role: 'org_admin' });
    const { cookie } = await signIn(t.app, u.email);
    const members = () => t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/members`, headers: { cookie } });
    expect((await members()).statusCode).toBe(200);
    expect((await members()).statusCode).toBe(200); // now served from the cache
    const admin = await as('org_admin', org);
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}/members/${u.id}`, headers: admin, payload: { role: 'staff' } });
    expect(demote.statusCode).toBe(200);
    expect((await members()).statusCode).toBe(403);
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect((await me()).json().memberships.map((m: { role: string }) => m.role)).toEqual(['staff']);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/organizations/${org.id}/members/${u.id}`, headers: admin })).statusCode).toBe(204);
    expect((await me()).json().memberships).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBeLessThan(300);
    expect((await me()).statusCode).toBe(401);
  });

  it('users list: network admins see everyone, org admins their org, staff are refused', async () => {
    const org = await newOrg(t.db);
    const mate = await newUser(t.db, { org, role: 'staff', name: 'Zed Teammate' });
    const stranger = await newUser(t.db, { org: await newOrg(t.db), role: 'staff' });
    const admin = await as('org_admin', org);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=200', headers: admin })).json().data.map((u: { id: string }) => u.id);
    expect(mine).toContain(mate.id);
    expect(mine).not.toContain(stranger.id);
    const net = (await t.app.inject({ method: 'GET', url: '/api/v1/users?limit=200', headers: await as('network_admin') })).json().data.map((u: { id: string }) => u.id);
    expect(net).toEqual(expect.arrayContaining([mate.id, stranger.id]));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: await as('staff') })).statusCode).toBe(403);
  });
});
