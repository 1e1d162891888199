import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser, newService } from '@tandem/db/testing';
import type { Role } from '@tandem/contract';
import { signIn, testApp, type TestApp, member } from '../../testing/app';
import { world } from '../referrals/testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const as = async (role: Role, org?: { id: string }) => {
  const u = await newUser(t.db, { org: org ?? (await newOrg(t.db)), role });
  return signIn(t.app, u.email);
};

describe('PATCH /api/v1/organizations/:id', () => {
  it('lets an org admin edit directory facts with If-Match', async () => {
    const org = await newOrg(t.db);
    const headers = await as('org_admin', org);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { ...headers, 'if-match': '1' }, payload: { description: 'Groceries', spas: ['spa6'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ description: 'Groceries', spas: ['spa6'], version: 2 });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { ...headers, 'if-match': '1' }, payload: { description: 'Other' } });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'stale_version']);
  });

  it('keeps partnership stage and internal notes to network staff', async () => {
    const org = await newOrg(t.db);
    const admin = await as('org_admin', org);
    const refused = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: admin, payload: { internalNotes: 'x', version: 1 } });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);

    const collab = await as('collaboration_team');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}`,
      headers: collab,
      payload: { partnershipStage: 'assessed', stageDates: { outreach: '2026-01-05' }, internalNotes: 'Strong CalFresh team', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.json()).toMatchObject({ partnershipStage: 'assessed', stageDates: { outreach: '2026-01-05', assessed: today }, internalNotes: 'Strong CalFresh team' });
  });

  it('refuses a move to partnered (409 partnership_confirm_required: the confirm endpoint records who, when and the evidence); other stage moves, and partnered kept as it is, go through', async () => {
    const org = await newOrg(t.db, { partnershipStage: 'assessed' });
    const collab = await as('collaboration_team');
    const patch = (payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: collab, payload });
    const refused = await patch({ partnershipStage: 'partnered', description: 'Signed an MOU', version: 1 });
    expect([refused.statusCode, refused.headers['content-type'], refused.json().code]).toEqual([409, 'application/problem+json; charset=utf-8', 'partnership_confirm_required']);
    expect(refused.json().detail).toContain(`/api/v1/organizations/${org.id}/partnership/confirm`);
    const unchanged = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}`, headers: collab })).json();
    expect(unchanged).toMatchObject({ partnershipStage: 'assessed', version: 1, stageDates: { partnered: null } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/history`, headers: collab })).json().data).toEqual([]);
    // Backwards (the directory always allowed it) still goes through.
    expect((await patch({ partnershipStage: 'outreach', version: 1 })).json()).toMatchObject({ partnershipStage: 'outreach', version: 2 });

    const partnered = await newOrg(t.db, { partnershipStage: 'partnered' });
    const same = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${partnered.id}`, headers: collab, payload: { partnershipStage: 'partnered', description: 'Food bank', version: 1 } });
    expect([same.statusCode, same.json().partnershipStage, same.json().description]).toEqual([200, 'partnered', 'Food bank']);
    const back = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${partnered.id}`, headers: collab, payload: { partnershipStage: 'assessed', version: 2 } });
    expect([back.statusCode, back.json().partnershipStage]).toEqual([200, 'assessed']);
  });

  it('shows internal notes to signed-in users only', async () => {
    const org = await newOrg(t.db, { internalNotes: 'Only for the network' });
    const anon = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}` })).json();
    expect(anon).not.toHaveProperty('internalNotes');
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/organizations?q=${encodeURIComponent(org.name)}` });
    expect(list.body).not.toContain('Only for the network');
    const staff = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}`, headers: await as('staff') })).json();
    expect(staff.internalNotes).toBe('Only for the network');
  });
});

describe('GET /api/v1/organizations/:id/history', () => {
  it('lists changes to the organization and its services, newest first, to signed-in users', async () => {
    const org = await newOrg(t.db);
    const headers = await as('org_admin', org);
    const svc = await newService(t.db, org.id, { name: 'History Service' });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers, payload: { phone: '213-555-0100', version: 1 } });
    await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.id}/capacity`, headers, payload: { status: 'full' } });
    await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers, payload: { name: 'History Service 2', version: 2 } });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/history?limit=2`, headers });
    expect(res.statusCode).toBe(200);
    const page1 = res.json();
    expect(page1.data.map((e: { action: string }) => e.action)).toEqual(['service.update', 'service.capacity']);
    expect(page1.data[0].changes).toEqual({ name: { from: 'History Service', to: 'History Service 2' } });
    expect(page1.data[0].actorName).toEqual(expect.any(String));
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/history?limit=2&cursor=${page1.nextCursor}`, headers })).json();
    expect(page2.data.map((e: { action: string }) => e.action)).toEqual(['organization.update']);
    expect(page2.data[0].changes).toEqual({ phone: { from: null, to: '213-555-0100' } });
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/history` });
    expect(anon.statusCode).toBe(401);
  });
});

describe('change history leaves out reads and referral work', () => {
  it('shows the receiving organization’s directory changes, not the referral reads and client reads filed under it', async () => {
    const w = await world(t);
    const admin = await member(t, w.cbo, 'org_admin');
    await admin.call('PATCH', `/api/v1/organizations/${w.cbo.id}`, { phone: '213-555-0101' }, { 'if-match': '1' });
    const r = await w.sent();
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    await w.cboStaff.call('GET', '/api/v1/referrals?box=received');
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}/timeline`);
    const history = await admin.call('GET', `/api/v1/organizations/${w.cbo.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((e: { action: string }) => e.action)).toEqual(['organization.update']);
  });
});

describe('locations', () => {
  it('creates, lists and edits locations of an organization', async () => {
    const org = await newOrg(t.db);
    const headers = await as('org_admin', org);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/locations`,
      headers,
      payload: { name: 'Main site', address1: '1200 W 7th St', city: 'Los Angeles', postalCode: '90017', latitude: 34.05, longitude: -118.26, spa: 'spa4' },
    });
    expect(created.statusCode).toBe(201);
    const loc = created.json();
    expect(loc).toMatchObject({ state: 'CA', spa: 'spa4' });
    const onlyLat = await t.app.inject({ method: 'PATCH', url: `/api/v1/locations/${loc.id}`, headers, payload: { latitude: 34 } });
    expect(onlyLat.statusCode).toBe(400);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/locations/${loc.id}`, headers, payload: { accessibility: 'Step-free entrance' } });
    expect(edited.json()).toMatchObject({ accessibility: 'Step-free entrance', name: 'Main site' });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/locations` })).json();
    expect(list.data.map((l: { id: string }) => l.id)).toEqual([loc.id]);
    const [audit] = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'location.update'));
    expect(audit!.changes).toEqual({ accessibility: { from: null, to: 'Step-free entrance' } });
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/locations/${crypto.randomUUID()}`, headers, payload: { name: 'x' } })).statusCode).toBe(404);
  });

  // Found by app.roundtrips.property.test.ts: a subnormal coordinate (valid JSON, inside the
  // contract's range) made PostgreSQL's ll_to_earth underflow, and the API answered 400.
  it('keeps coordinates to 7 decimals, so a subnormal one is stored as 0 rather than refused', async () => {
    const org = await newOrg(t.db);
    const headers = await as('org_admin', org);
    const payload = { name: 'Pier', address1: '1 Ocean Front Walk', city: 'Santa Monica', postalCode: '90401', latitude: 34.0100000449, longitude: -5e-324 };
    const created = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/locations`, headers, payload });
    expect([created.statusCode, created.json().latitude, created.json().longitude]).toEqual([201, 34.01, 0]);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/locations/${created.json().id}`, headers, payload: { latitude: 5e-324, longitude: 5e-324 } });
    expect([edited.statusCode, edited.json().latitude, edited.json().longitude]).toEqual([200, 0, 0]);
  });
});

describe('contacts', () => {
  it('creates, edits and deletes contacts; the public sees public ones only', async () => {
    const org = await newOrg(t.db);
    const headers = await as('org_admin', org);
    const url = `/api/v1/organizations/${org.id}/contacts`;
    const pub = (await t.app.inject({ method: 'POST', url, headers, payload: { name: 'Ana Public', email: 'ANA@example.org', isReferralContact: true } })).json();
    expect(pub).toMatchObject({ email: 'ana@example.org', isPublic: true, isReferralContact: true });
    const priv = await t.app.inject({ method: 'POST', url, headers, payload: { name: 'Bo Private', isPublic: false } });
    expect(priv.statusCode).toBe(201);
    const names = (r: { json: () => { data: { name: string }[] } }) => r.json().data.map((c) => c.name);
    expect(names(await t.app.inject({ method: 'GET', url }))).toEqual(['Ana Public']);
    expect(names(await t.app.inject({ method: 'GET', url, headers: await as('staff') }))).toEqual(['Ana Public', 'Bo Private']);

    const foreignService = await newService(t.db, (await newOrg(t.db)).id);
    const wrong = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${pub.id}`, headers, payload: { serviceId: foreignService.id } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'reference_not_found']);
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${pub.id}`, headers, payload: { title: 'Intake lead' } });
    expect(edited.json().title).toBe('Intake lead');
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${pub.id}`, headers });
    expect(del.statusCode).toBe(204);
    expect(await t.db.select().from(schema.contacts).where(eq(schema.contacts.id, pub.id))).toHaveLength(0);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/contacts/${pub.id}`, headers })).statusCode).toBe(404);
  });
});
