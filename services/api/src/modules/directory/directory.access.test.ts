import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser, newLocation, newService } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

// Every directory write, called by someone who may not make it: an admin of an unrelated
// organization, a staff member of the organization itself, the public, and the organization's
// own API key without directory:write. Each must be refused and leave the rows as they were.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const world = async () => {
  const org = await newOrg(t.db);
  const loc = await newLocation(t.db, org.id);
  const svc = await newService(t.db, org.id, { locationIds: [loc.id] });
  await t.db.insert(schema.schedules).values({ serviceId: svc.id, weekday: 1, opensAt: '09:00', closesAt: '17:00' });
  const [contact] = await t.db.insert(schema.contacts).values({ organizationId: org.id, name: 'Kept Contact' }).returning();
  const admin = await newUser(t.db, { org, role: 'org_admin' });
  const adminHeaders = await signIn(t.app, admin.email);
  const key = async (scopes: string[]) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/api-keys`, headers: adminHeaders, payload: { name: 'k', scopes } });
    return { authorization: `Bearer ${res.json().secret}` };
  };
  return { org, loc, svc, contact: contact!, adminHeaders, key };
};

const snapshot = async (w: Awaited<ReturnType<typeof world>>) => ({
  org: (await t.db.select().from(schema.organizations).where(eq(schema.organizations.id, w.org.id)))[0],
  svc: (await t.db.select().from(schema.services).where(eq(schema.services.id, w.svc.id)))[0],
  loc: (await t.db.select().from(schema.locations).where(eq(schema.locations.id, w.loc.id)))[0],
  contacts: await t.db.select().from(schema.contacts).where(eq(schema.contacts.organizationId, w.org.id)),
  services: (await t.db.select({ id: schema.services.id }).from(schema.services).where(eq(schema.services.organizationId, w.org.id))).length,
  locations: (await t.db.select({ id: schema.locations.id }).from(schema.locations).where(eq(schema.locations.organizationId, w.org.id))).length,
  schedules: await t.db.select().from(schema.schedules).where(eq(schema.schedules.serviceId, w.svc.id)),
});

const writes = (w: Awaited<ReturnType<typeof world>>) =>
  [
    ['PATCH', `/api/v1/organizations/${w.org.id}`, { description: 'hacked', version: 1 }],
    ['POST', `/api/v1/organizations/${w.org.id}/services`, { name: 'Intruder Service' }],
    ['PATCH', `/api/v1/services/${w.svc.id}`, { name: 'hacked', version: 1 }],
    ['PUT', `/api/v1/services/${w.svc.id}/schedule`, { intervals: [] }],
    ['POST', `/api/v1/services/${w.svc.id}/capacity`, { status: 'full' }],
    ['POST', `/api/v1/organizations/${w.org.id}/locations`, { name: 'x', address1: 'x', city: 'x', postalCode: '90001' }],
    ['PATCH', `/api/v1/locations/${w.loc.id}`, { name: 'hacked' }],
    ['POST', `/api/v1/organizations/${w.org.id}/contacts`, { name: 'Intruder' }],
    ['PATCH', `/api/v1/contacts/${w.contact.id}`, { name: 'hacked' }],
    ['DELETE', `/api/v1/contacts/${w.contact.id}`, undefined],
  ] as const;

const callers: [string, number, (w: Awaited<ReturnType<typeof world>>) => Promise<Headers>][] = [
  ['an unrelated organization’s admin', 403, async () => signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role: 'org_admin' })).email)],
  ['a staff member of the organization', 403, async (w) => signIn(t.app, (await newUser(t.db, { org: w.org, role: 'staff' })).email)],
  ['the public', 401, async () => ({})],
  ['the organization’s API key without directory:write', 403, async (w) => w.key(['directory:read'])],
];

describe('directory writes are refused to callers without the right', () => {
  it.each(callers)('%s gets %i on every write and nothing changes', async (_, status, headersFor) => {
    const w = await world();
    const headers = await headersFor(w);
    const before = await snapshot(w);
    for (const [method, url, payload] of writes(w)) {
      const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      expect([method, url, res.statusCode]).toEqual([method, url, status]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it('a non-public contact is as unknown as a random id to whoever may not edit it (same 404)', async () => {
    const w = await world();
    const [hidden] = await t.db.insert(schema.contacts).values({ organizationId: w.org.id, name: 'Hidden Director', isPublic: false }).returning();
    const outsiders = [
      await signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role: 'org_admin' })).email),
      await signIn(t.app, (await newUser(t.db, { org: w.org, role: 'staff' })).email),
      await (await world()).key(['directory:write']),
      await w.key(['directory:read']),
    ];
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, requestId: undefined });
    for (const headers of outsiders) {
      for (const [method, payload] of [['PATCH', { name: 'hacked' }], ['DELETE', undefined]] as const) {
        const real = await t.app.inject({ method, url: `/api/v1/contacts/${hidden!.id}`, headers, ...(payload ? { payload } : {}) });
        const random = await t.app.inject({ method, url: '/api/v1/contacts/00000000-0000-4000-8000-000000000000', headers, ...(payload ? { payload } : {}) });
        // A key without directory:write is refused by the route before any lookup: 403 for both.
        expect([method, real.statusCode]).toEqual([method, headers === outsiders[3] ? 403 : 404]);
        expect([real.statusCode, strip(real.json())]).toEqual([random.statusCode, strip(random.json())]);
      }
    }
    expect((await t.db.select().from(schema.contacts).where(eq(schema.contacts.id, hidden!.id)))[0]).toEqual(hidden);
    const byAdmin = await t.app.inject({ method: 'PATCH', url: `/api/v1/contacts/${hidden!.id}`, headers: w.adminHeaders, payload: { title: 'Director' } });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('history is for signed-in users: API keys and the public are refused', async () => {
    const w = await world();
    const url = `/api/v1/organizations/${w.org.id}/history`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url, headers: await w.key(['directory:read', 'directory:write']) })).statusCode).toBe(403);
  });
});

describe('directory writes allowed to the right callers', () => {
  it('the organization’s key with directory:write, network admins and the collaboration team may write', async () => {
    const w = await world();
    const key = await w.key(['directory:write']);
    const byKey = await t.app.inject({ method: 'POST', url: `/api/v1/services/${w.svc.id}/capacity`, headers: key, payload: { status: 'waitlist' } });
    expect([byKey.statusCode, byKey.json().capacity.confirmedByUserId]).toEqual([200, null]);
    const otherOrgKey = await (await world()).key(['directory:write']);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/services/${w.svc.id}/capacity`, headers: otherOrgKey, payload: { status: 'full' } })).statusCode).toBe(403);
    for (const role of ['network_admin', 'collaboration_team'] as const) {
      const headers = await signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role })).email);
      const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/locations/${w.loc.id}`, headers, payload: { transit: `Metro (${role})` } });
      expect(res.statusCode).toBe(200);
    }
  });

  it('the public gets no internal notes, partnership record, capacity note or confirmer; signed-in users and API keys do', async () => {
    const w = await world();
    const staff = await newUser(t.db, { org: await newOrg(t.db), role: 'collaboration_team' });
    const liaison = await newUser(t.db, { org: w.org, role: 'staff' });
    await t.db
      .update(schema.organizations)
      .set({ internalNotes: 'Board dispute: do not refer after March', liaisonUserId: liaison.id, partnershipStage: 'partnered' })
      .where(eq(schema.organizations.id, w.org.id));
    const tag = `Publicview${w.svc.id.slice(0, 8)}`;
    await t.db.update(schema.services).set({ name: tag }).where(eq(schema.services.id, w.svc.id));
    const note = 'Intake lead out sick: call Ana directly';
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/services/${w.svc.id}/capacity`, headers: w.adminHeaders, payload: { status: 'waitlist', note } })).statusCode).toBe(200);
    const reads = {
      org: `/api/v1/organizations/${w.org.id}`,
      orgs: `/api/v1/organizations?q=${encodeURIComponent((await t.db.select().from(schema.organizations).where(eq(schema.organizations.id, w.org.id)))[0]!.name)}`,
      service: `/api/v1/services/${w.svc.id}`,
      orgServices: `/api/v1/organizations/${w.org.id}/services`,
      search: `/api/v1/services/search?q=${tag}`,
    };
    const read = async (headers: Record<string, string>) => {
      const got: Record<string, string> = {};
      for (const [k, url] of Object.entries(reads)) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect([url, res.statusCode]).toEqual([url, 200]);
        got[k] = res.body;
      }
      return got;
    };
    const internal = ['Board dispute', liaison.id, 'partnershipStage', 'stageDates', 'liaisonUserId', 'internalNotes', note, 'confirmedByUserId'];
    const anonymous = await read({});
    for (const [k, body] of Object.entries(anonymous)) for (const word of internal) expect([k, body.includes(word)]).toEqual([k, false]);
    // What the public does see: the capacity status and when it was confirmed.
    expect(JSON.parse(anonymous.service!).capacity).toEqual({ status: 'waitlist', confirmedAt: expect.any(String), stale: false });

    const signedIn = await read(await signIn(t.app, staff.email));
    expect(JSON.parse(signedIn.org!)).toMatchObject({ internalNotes: 'Board dispute: do not refer after March', liaisonUserId: liaison.id, partnershipStage: 'partnered' });
    expect(JSON.parse(signedIn.service!).capacity).toMatchObject({ note, confirmedByUserId: expect.any(String) });
    expect(JSON.parse(signedIn.search!).data[0].capacity.note).toBe(note);
    const byKey = await read(await w.key(['directory:read']));
    expect(JSON.parse(byKey.org!)).toMatchObject({ partnershipStage: 'partnered' });
    expect(JSON.parse(byKey.org!).internalNotes).toBeUndefined();
    expect(JSON.parse(byKey.orgServices!).data[0].capacity.note).toBe(note);
  });

  it('the public reads services, locations, public contacts and search', async () => {
    const w = await world();
    for (const url of [`/api/v1/services/${w.svc.id}`, `/api/v1/organizations/${w.org.id}/services`, `/api/v1/organizations/${w.org.id}/locations`, `/api/v1/organizations/${w.org.id}/contacts`, '/api/v1/services/search?q=service']) {
      expect([url, (await t.app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 200]);
    }
  });
});
