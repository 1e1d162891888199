import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp, member } from '../../testing/app';
import { world } from '../referrals/testing';

let t: TestApp;
let network: { id: string };
let netAdmin: { cookie: string };
beforeAll(async () => {
  t = await testApp();
  network = await newOrg(t.db, { name: 'County Health Services', type: 'health_system', runsNetwork: true });
  const admin = await newUser(t.db, { org: network, role: 'network_admin' });
  netAdmin = await signIn(t.app, admin.email);
});
afterAll(() => t.close());

const person = async (org: { id: string }, role: Role) => {
  const user = await newUser(t.db, { org, role });
  return { user, headers: await signIn(t.app, user.email) };
};
const post = (headers: Record<string, string>, userId: string, verb: 'deactivate' | 'reactivate') =>
  t.app.inject({ method: 'POST', url: `/api/v1/users/${userId}/${verb}`, headers });
const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
const activeOf = async (userId: string) => (await t.db.select({ active: schema.users.active }).from(schema.users).where(eq(schema.users.id, userId)))[0]!.active;
const sessionsOf = async (userId: string) => (await t.db.select().from(schema.sessions).where(eq(schema.sessions.userId, userId))).length;
const auditOf = async (userId: string, action: string) =>
  t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, userId), eq(schema.auditLog.action, action)));

describe('POST /api/v1/users/:id/deactivate and /reactivate', () => {
  it('an org admin deactivates a member: sessions end now, sign-in is 403 account_deactivated, pickers drop them; reactivating restores sign-in', async () => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const staff = await person(org, 'staff');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: staff.headers })).statusCode).toBe(200);

    const res = await post(admin.headers, staff.user.id, 'deactivate');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: staff.user.id, active: false, deactivated: true });
    expect(await sessionsOf(staff.user.id)).toBe(0);
    // The session that was open a moment ago is refused on its next request (no cached identity).
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: staff.headers })).statusCode).toBe(401);
    const refused = await login(staff.user.email, staff.user.password);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'account_deactivated']);
    expect(refused.cookies.find((c) => c.name === 'tandem_session')).toBeUndefined();
    // A wrong password says nothing about the account.
    const wrong = await login(staff.user.email, 'not-the-password-1234');
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'invalid_credentials']);

    const colleagues = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/colleagues`, headers: admin.headers });
    expect(colleagues.json().data.map((c: { userId: string }) => c.userId)).not.toContain(staff.user.id);
    const members = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/members`, headers: admin.headers });
    expect(members.json().data.find((m: { userId: string }) => m.userId === staff.user.id)).toMatchObject({ status: 'deactivated', name: staff.user.name });
    expect(await auditOf(staff.user.id, 'user.deactivate')).toHaveLength(1);

    const back = await post(admin.headers, staff.user.id, 'reactivate');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ active: true, deactivated: false });
    expect((await login(staff.user.email, staff.user.password)).statusCode).toBe(200);
    expect(await auditOf(staff.user.id, 'user.reactivate')).toHaveLength(1);
  });

  it('deactivating twice changes nothing the second time (200, one audit row)', async () => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const staff = await person(org, 'staff');
    expect((await post(admin.headers, staff.user.id, 'deactivate')).statusCode).toBe(200);
    expect((await post(admin.headers, staff.user.id, 'deactivate')).statusCode).toBe(200);
    expect(await auditOf(staff.user.id, 'user.deactivate')).toHaveLength(1);
  });

  it('refuses your own account with 409 own_account', async () => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    await person(org, 'org_admin');
    const res = await post(admin.headers, admin.user.id, 'deactivate');
    expect([res.statusCode, res.json().code]).toEqual([409, 'own_account']);
    expect(await activeOf(admin.user.id)).toBe(true);
  });

  it('refuses the last active org admin with 409 last_org_admin, even for a network admin', async () => {
    const org = await newOrg(t.db);
    const first = await person(org, 'org_admin');
    const second = await person(org, 'org_admin');
    expect((await post(first.headers, second.user.id, 'deactivate')).statusCode).toBe(200);
    const res = await post(netAdmin, first.user.id, 'deactivate');
    expect([res.statusCode, res.json().code]).toEqual([409, 'last_org_admin']);
    expect(await activeOf(first.user.id)).toBe(true);
    expect(await sessionsOf(first.user.id)).toBeGreaterThan(0);
  });

  it('a deactivated admin does not count as the org admin a removal or demotion must leave behind', async () => {
    const org = await newOrg(t.db);
    const active = await person(org, 'org_admin');
    const gone = await person(org, 'org_admin');
    expect((await post(active.headers, gone.user.id, 'deactivate')).statusCode).toBe(200);
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}/members/${active.user.id}`, headers: netAdmin, payload: { role: 'staff' } });
    expect([demote.statusCode, demote.json().code]).toEqual([409, 'conflict']);
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/v1/organizations/${org.id}/members/${active.user.id}`, headers: netAdmin });
    expect([remove.statusCode, remove.json().code]).toEqual([409, 'conflict']);
    // The deactivated admin themselves may still be removed.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/organizations/${org.id}/members/${gone.user.id}`, headers: active.headers })).statusCode).toBe(204);
  });

  it("an org admin of another organization gets a random id's 404; staff of the same organization 403; nothing changes", async () => {
    const org = await newOrg(t.db);
    const staff = await person(org, 'staff');
    const colleague = await person(org, 'staff');
    const outsider = await person(await newOrg(t.db), 'org_admin');
    const random = await post(outsider.headers, randomUUID(), 'deactivate');
    for (const verb of ['deactivate', 'reactivate'] as const) {
      const res = await post(outsider.headers, staff.user.id, verb);
      expect(res.statusCode).toBe(404);
      const same = (b: Record<string, unknown>) => ({ ...b, instance: undefined, requestId: undefined });
      expect(same(res.json())).toEqual(same(random.json()));
      expect((await post(colleague.headers, staff.user.id, verb)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/users/${staff.user.id}/deactivate` })).statusCode).toBe(401);
    expect(await activeOf(staff.user.id)).toBe(true);
    expect(await sessionsOf(staff.user.id)).toBeGreaterThan(0);
  });

  it('someone who also works for another organization is deactivated only by a network admin (403 for the org admin)', async () => {
    const org = await newOrg(t.db);
    const other = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const both = await person(org, 'staff');
    await t.db.insert(schema.memberships).values({ userId: both.user.id, organizationId: other.id, role: 'staff' });
    expect((await post(admin.headers, both.user.id, 'deactivate')).statusCode).toBe(403);
    expect(await activeOf(both.user.id)).toBe(true);
    expect((await post(netAdmin, both.user.id, 'deactivate')).statusCode).toBe(200);
    expect(await activeOf(both.user.id)).toBe(false);
  });

  it("only a network admin deactivates someone holding a network-wide role (403 for the network organization's org admin)", async () => {
    const orgAdmin = await person(network, 'org_admin');
    const collab = await person(network, 'collaboration_team');
    expect((await post(orgAdmin.headers, collab.user.id, 'deactivate')).statusCode).toBe(403);
    expect(await activeOf(collab.user.id)).toBe(true);
    expect((await post(netAdmin, collab.user.id, 'deactivate')).statusCode).toBe(200);
  });

  it('an invitation link does not give a deactivated account a password (403 account_deactivated)', async () => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const inv = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/members`, headers: admin.headers, payload: { email: `late-${Date.now()}@test.example`, name: 'Late Joiner', role: 'staff' } });
    const { member, invitation } = inv.json();
    expect((await post(admin.headers, member.userId, 'deactivate')).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token: invitation.token, password: 'a-long-enough-password-1' } });
    expect([res.statusCode, res.json().code]).toEqual([403, 'account_deactivated']);
    const [u] = await t.db.select().from(schema.users).where(eq(schema.users.id, member.userId));
    expect(u!.passwordHash).toBeNull();
  });
});

describe('a deactivated person and the referrals they worked on', () => {
  it('keeps their name on past messages and timeline, and refuses them as a new assignee', async () => {
    const w = await world(t);
    const cboAdmin = await member(t, w.cbo, 'org_admin');
    const r = await w.sent();
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id })).status).toBe(200);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Called the family; intake on Thursday.' })).status).toBe(201);
    expect((await cboAdmin.call('POST', `/api/v1/users/${w.cboStaff.user.id}/deactivate`)).status).toBe(200);

    const messages = await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages`);
    expect(messages.body.data.map((m: { authorName: string }) => m.authorName)).toContain('Pat Pantry');
    const timeline = await w.chw.call('GET', `/api/v1/referrals/${r.id}/timeline`);
    expect(timeline.body.data.map((e: { actorName: string | null }) => e.actorName)).toContain('Pat Pantry');

    const assign = await cboAdmin.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id });
    expect([assign.status, assign.body.code, assign.body.errors?.[0]?.path]).toEqual([400, 'validation_failed', 'body.assigneeId']);
  });
});
