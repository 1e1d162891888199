import { and, eq } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
/** The organization that runs the network (the health system), made once: there is only one. */
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
const invite = (headers: Record<string, string>, orgId: string, payload: { email: string; role: Role; name?: string }) =>
  t.app.inject({ method: 'POST', url: `/api/v1/organizations/${orgId}/members`, headers, payload: { name: 'Invited Person', ...payload } });
const setRole = (headers: Record<string, string>, orgId: string, userId: string, role: Role) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${orgId}/members/${userId}`, headers, payload: { role } });
const roleIn = async (orgId: string, userId: string) =>
  (await t.db.select().from(schema.memberships).where(and(eq(schema.memberships.organizationId, orgId), eq(schema.memberships.userId, userId))))[0]?.role;
const membershipsOf = async (userId: string) =>
  (await t.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userId))).map((m) => [m.organizationId, m.role]);

describe('who grants what (ARCHITECTURE §4)', () => {
  it.each<Role>(['collaboration_team', 'board_coordinator', 'network_admin'])('an org admin cannot invite anyone as %s (403 role_not_grantable), creating nothing', async (role) => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const email = `grab-${role}-${Date.now()}@test.example`;
    const res = await invite(admin.headers, org.id, { email, role });
    expect([res.statusCode, res.json().code]).toEqual([403, 'role_not_grantable']);
    expect(await t.db.select().from(schema.users).where(eq(schema.users.email, email))).toEqual([]);
  });

  it("an org admin cannot raise a member to a network-wide role, even in the network's own organization", async () => {
    for (const org of [await newOrg(t.db), network]) {
      const admin = await person(org, 'org_admin');
      const staff = await person(org, 'staff');
      const res = await setRole(admin.headers, org.id, staff.user.id, 'collaboration_team');
      expect([res.statusCode, res.json().code]).toEqual([403, 'role_not_grantable']);
      expect(await roleIn(org.id, staff.user.id)).toBe('staff');
      // Nor invite one in the network's organization.
      const inv = await invite(admin.headers, org.id, { email: `collab-${Date.now()}-${org.id.slice(0, 4)}@test.example`, role: 'collaboration_team' });
      expect(inv.statusCode).toBe(403);
    }
  });

  it('an org admin grants staff and org_admin in their own organization, and nothing in another', async () => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const staff = await person(org, 'staff');
    const up = await setRole(admin.headers, org.id, staff.user.id, 'org_admin');
    expect([up.statusCode, up.json().role]).toEqual([200, 'org_admin']);
    const added = await invite(admin.headers, org.id, { email: `chw-${Date.now()}@test.example`, role: 'staff' });
    expect([added.statusCode, added.json().member.role]).toEqual([201, 'staff']);
    const other = await newOrg(t.db);
    expect((await invite(admin.headers, other.id, { email: `x-${Date.now()}@test.example`, role: 'staff' })).statusCode).toBe(403);
  });

  it('a network admin grants the network-wide roles only in the organization that runs the network', async () => {
    const cbo = await newOrg(t.db);
    const inCbo = await invite(netAdmin, cbo.id, { email: `collab-cbo-${Date.now()}@test.example`, role: 'collaboration_team' });
    expect([inCbo.statusCode, inCbo.json().code]).toEqual([403, 'role_not_grantable']);
    const cboStaff = await person(cbo, 'staff');
    expect((await setRole(netAdmin, cbo.id, cboStaff.user.id, 'board_coordinator')).statusCode).toBe(403);
    expect(await roleIn(cbo.id, cboStaff.user.id)).toBe('staff');

    const inNetwork = await invite(netAdmin, network.id, { email: `collab-net-${Date.now()}@test.example`, role: 'collaboration_team' });
    expect([inNetwork.statusCode, inNetwork.json().member.role]).toEqual([201, 'collaboration_team']);
    const dhsStaff = await person(network, 'staff');
    const raised = await setRole(netAdmin, network.id, dhsStaff.user.id, 'board_coordinator');
    expect([raised.statusCode, raised.json().role]).toEqual([200, 'board_coordinator']);
  });

  it("only a network admin changes or removes a member holding a network-wide role", async () => {
    const admin = await person(network, 'org_admin');
    const collab = await person(network, 'collaboration_team');
    const down = await setRole(admin.headers, network.id, collab.user.id, 'staff');
    expect(down.statusCode).toBe(403);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/organizations/${network.id}/members/${collab.user.id}`, headers: admin.headers });
    expect(removed.statusCode).toBe(403);
    expect(await roleIn(network.id, collab.user.id)).toBe('collaboration_team');
    expect((await setRole(netAdmin, network.id, collab.user.id, 'staff')).statusCode).toBe(200);
  });
});

describe('inviting someone who already has an account', () => {
  it('creates an invitation, not a membership: they join only when they accept, signed in', async () => {
    const elsewhere = await newOrg(t.db, { name: 'Elsewhere Shelter' });
    const existing = await person(elsewhere, 'org_admin');
    const org = await newOrg(t.db, { name: 'Inviting Pantry' });
    const admin = await person(org, 'org_admin');

    const res = await invite(admin.headers, org.id, { email: existing.user.email.toUpperCase(), role: 'staff', name: 'Their Name' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      member: { userId: existing.user.id, organizationId: org.id, email: existing.user.email, name: 'Their Name', role: 'staff', status: 'invited', createdAt: expect.any(String) },
      invitation: null,
    });
    // Nothing about the person's other memberships (or their own name) in the answer.
    expect(res.body).not.toContain(elsewhere.id);
    expect(res.body).not.toContain('Elsewhere');
    expect(res.body).not.toContain(existing.user.name);

    // Not a member yet: memberships unchanged, not listed, cannot act in the organization.
    expect(await membershipsOf(existing.user.id)).toEqual([[elsewhere.id, 'org_admin']]);
    const members = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/members`, headers: admin.headers })).json();
    expect(members.data.map((m: { userId: string }) => m.userId)).not.toContain(existing.user.id);
    const colleagues = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/colleagues`, headers: existing.headers });
    expect(colleagues.statusCode).toBe(403);
    const again = await invite(admin.headers, org.id, { email: existing.user.email, role: 'org_admin' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'already_exists']);

    // They see the invitation; nobody else can accept it.
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/invitations', headers: existing.headers });
    expect(mine.json().data).toEqual([expect.objectContaining({ organizationId: org.id, organizationName: 'Inviting Pantry', role: 'staff' })]);
    const invitationId = mine.json().data[0].id as string;
    const intruder = await person(await newOrg(t.db), 'staff');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/me/invitations/${invitationId}/accept`, headers: intruder.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/me/invitations/${invitationId}/accept`, headers: admin.headers })).statusCode).toBe(404);

    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/me/invitations/${invitationId}/accept`, headers: existing.headers });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().memberships).toEqual(
      expect.arrayContaining([expect.objectContaining({ organizationId: org.id, role: 'staff' }), expect.objectContaining({ organizationId: elsewhere.id, role: 'org_admin' })]),
    );
    expect(await roleIn(org.id, existing.user.id)).toBe('staff');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/colleagues`, headers: existing.headers })).statusCode).toBe(200);
    const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/members`, headers: admin.headers })).json();
    expect(listed.data).toEqual(expect.arrayContaining([expect.objectContaining({ userId: existing.user.id, status: 'active' })]));
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/me/invitations/${invitationId}/accept`, headers: existing.headers });
    expect(twice.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/invitations', headers: existing.headers })).json().data).toEqual([]);
  });

  it('still lists a brand-new person at once as invited, with a link to set a password', async () => {
    const org = await newOrg(t.db);
    const admin = await person(org, 'org_admin');
    const res = await invite(admin.headers, org.id, { email: `brand-new-${Date.now()}@test.example`, role: 'staff' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ member: { status: 'invited', role: 'staff' }, invitation: { token: expect.any(String) } });
  });
});
