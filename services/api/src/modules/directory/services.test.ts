import { and, eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser, newLocation, newService } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const orgAdmin = async () => {
  const org = await newOrg(t.db);
  const u = await newUser(t.db, { org, role: 'org_admin' });
  return { org, user: u, headers: await signIn(t.app, u.email) };
};
const auditOf = (entityId: string) => t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, entityId));

describe('POST /api/v1/organizations/:id/services', () => {
  it('creates a service at its own locations and audits it', async () => {
    const { org, headers } = await orgAdmin();
    const loc = await newLocation(t.db, org.id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/services`,
      headers,
      payload: { name: 'Food Pantry', categories: ['food-insecurity'], languages: ['en', 'es'], spas: ['spa6'], locationIds: [loc.id] },
    });
    expect(res.statusCode).toBe(201);
    const svc = res.json();
    expect(svc).toMatchObject({ organizationId: org.id, name: 'Food Pantry', version: 1, capacity: { status: 'accepting', stale: true, confirmedAt: null } });
    const [audit] = await auditOf(svc.id);
    expect(audit).toMatchObject({ action: 'service.create', organizationId: org.id });
    expect(audit!.changes).toMatchObject({ name: { from: null, to: 'Food Pantry' }, locationIds: { from: null, to: [loc.id] } });
  });

  it("refuses another organization's location with 422 and bad ages with 400", async () => {
    const { org, headers } = await orgAdmin();
    const foreign = await newLocation(t.db, (await newOrg(t.db)).id);
    const url = `/api/v1/organizations/${org.id}/services`;
    const res = await t.app.inject({ method: 'POST', url, headers, payload: { name: 'X Service', locationIds: [foreign.id] } });
    expect([res.statusCode, res.json().code]).toEqual([422, 'reference_not_found']);
    const ages = await t.app.inject({ method: 'POST', url, headers, payload: { name: 'X Service', minAge: 30, maxAge: 18 } });
    expect([ages.statusCode, ages.json().code]).toEqual([400, 'validation_failed']);
    const missing = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${crypto.randomUUID()}/services`, headers, payload: { name: 'X Service' } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('GET /api/v1/services/:id', () => {
  it('returns the service with organization, locations, schedule, public contacts and capacity; non-public contacts for signed-in users', async () => {
    const { org, headers } = await orgAdmin();
    const loc = await newLocation(t.db, org.id, { name: 'Main site' });
    const svc = await newService(t.db, org.id, { name: 'Detail Service', locationIds: [loc.id], capacityConfirmedAt: new Date() });
    await t.db.insert(schema.schedules).values({ serviceId: svc.id, weekday: 2, opensAt: '09:00', closesAt: '12:00' });
    await t.db.insert(schema.scheduleExceptions).values({ serviceId: svc.id, date: '2026-12-25', closed: true, reason: 'Holiday' });
    await t.db.insert(schema.contacts).values([
      { organizationId: org.id, serviceId: svc.id, name: 'Public Intake', isPublic: true },
      { organizationId: org.id, name: 'Private Director', isPublic: false },
    ]);
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/services/${svc.id}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.headers.etag).toMatch(/^"1-[0-9a-f]{16}"$/);
    expect(anon.json()).toMatchObject({
      id: svc.id,
      organization: { id: org.id, name: org.name },
      locations: [{ id: loc.id, name: 'Main site' }],
      schedule: { intervals: [{ weekday: 2, opensAt: '09:00', closesAt: '12:00', locationId: null }], exceptions: [{ date: '2026-12-25', closed: true, reason: 'Holiday' }] },
      capacity: { status: 'accepting', stale: false },
    });
    expect(anon.json().contacts.map((c: { name: string }) => c.name)).toEqual(['Public Intake']);
    const signedIn = (await t.app.inject({ method: 'GET', url: `/api/v1/services/${svc.id}`, headers })).json();
    expect(signedIn.contacts.map((c: { name: string }) => c.name)).toEqual(['Public Intake', 'Private Director']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/services/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });

  it('lists an organization\'s services by name', async () => {
    const org = await newOrg(t.db);
    await newService(t.db, org.id, { name: 'Beta' });
    await newService(t.db, org.id, { name: 'alpha' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${org.id}/services` });
    expect(res.json().data.map((s: { name: string }) => s.name)).toEqual(['alpha', 'Beta']);
  });
});

describe('PATCH /api/v1/services/:id', () => {
  it('updates with If-Match, bumps the version and audits the changed fields', async () => {
    const { org, headers } = await orgAdmin();
    const svc = await newService(t.db, org.id, { name: 'Old Name' });
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers: { ...headers, 'if-match': '"1"' }, payload: { name: 'New Name', fees: 'Free' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'New Name', fees: 'Free', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const [audit] = await auditOf(svc.id);
    expect(audit!.changes).toEqual({ name: { from: 'Old Name', to: 'New Name' }, fees: { from: null, to: 'Free' } });
  });

  it('keeps a Spanish name, description and eligibility beside the English ones: shown on the service and its search hit, and searched (issue 24)', async () => {
    const { org, headers } = await orgAdmin();
    const svc = await newService(t.db, org.id, { name: 'Harbor Family Table', description: 'Hot meals on weekdays', categories: ['sdoh-category-unspecified'] });
    const hit = async (q: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/services/search?${new URLSearchParams({ q, limit: '200' })}` });
      return (res.json() as { data: { id: string; nameEs: string | null; descriptionEs: string | null }[] }).data.find((h) => h.id === svc.id);
    };
    expect(await hit('tamales')).toBeUndefined();
    const spanish = { nameEs: 'Mesa Familiar del Puerto', descriptionEs: 'Tamales y comidas calientes entre semana', eligibilityEs: 'Familias con niños' };
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers: { ...headers, 'if-match': '"1"' }, payload: spanish });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ...spanish, name: 'Harbor Family Table', version: 2 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/services/${svc.id}` })).json()).toMatchObject(spanish);
    const [audit] = await auditOf(svc.id);
    expect(audit!.changes).toMatchObject({ nameEs: { from: null, to: spanish.nameEs } });
    // The hit carries the Spanish texts; their words are searched, typos corrected.
    expect(await hit('tamales')).toMatchObject({ nameEs: spanish.nameEs, descriptionEs: spanish.descriptionEs });
    expect(await hit('mesa puerto')).toBeDefined();
    expect(await hit('tamalles')).toBeDefined();
    expect(await hit('niños')).toBeDefined();
    // Cleared: the hit and the search forget them.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers: { ...headers, 'if-match': '"2"' }, payload: { nameEs: null, descriptionEs: null, eligibilityEs: null } });
    expect(await hit('tamales')).toBeUndefined();
    expect(await hit('Hot meals')).toMatchObject({ nameEs: null, descriptionEs: null });
  });

  it('refuses a stale version with 409 and a missing one with 428, changing nothing', async () => {
    const { org, headers } = await orgAdmin();
    const svc = await newService(t.db, org.id, { name: 'Stable' });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers, payload: { name: 'Nope', version: 7 } });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'stale_version']);
    const none = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers, payload: { name: 'Nope' } });
    expect([none.statusCode, none.json().code]).toEqual([428, 'precondition_required']);
    const ages = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers, payload: { minAge: 90, version: 1 } });
    expect(ages.statusCode).toBe(200);
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/v1/services/${svc.id}`, headers, payload: { maxAge: 10, version: 2 } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
    const [row] = await t.db.select().from(schema.services).where(eq(schema.services.id, svc.id));
    expect([row!.name, row!.version, row!.maxAge]).toEqual(['Stable', 2, null]);
  });
});

describe('POST /api/v1/services/:id/capacity', () => {
  it('sets status and note, confirms now by the caller, and audits', async () => {
    const { org, user, headers } = await orgAdmin();
    const svc = await newService(t.db, org.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.id}/capacity`, headers, payload: { status: 'waitlist', note: 'Two weeks' } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.capacity).toMatchObject({ status: 'waitlist', note: 'Two weeks', confirmedByUserId: user.id, stale: false });
    expect(Date.now() - Date.parse(body.capacity.confirmedAt)).toBeLessThan(60_000);
    const audits = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, svc.id), eq(schema.auditLog.action, 'service.capacity')));
    expect(audits[0]!.changes).toMatchObject({ capacityStatus: { from: 'accepting', to: 'waitlist' } });
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.id}/capacity`, headers, payload: { status: 'maybe' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('PUT /api/v1/services/:id/schedule', () => {
  const put = (id: string, headers: Record<string, string>, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/services/${id}/schedule`, headers, payload });

  it('replaces weekly intervals and exceptions together', async () => {
    const { org, headers } = await orgAdmin();
    const svc = await newService(t.db, org.id);
    await t.db.insert(schema.schedules).values({ serviceId: svc.id, weekday: 3, opensAt: '08:00', closesAt: '10:00' });
    const body = {
      intervals: [
        { weekday: 1, opensAt: '09:00', closesAt: '12:00' },
        { weekday: 1, opensAt: '13:00', closesAt: '17:00' },
        { weekday: 5, opensAt: '10:00', closesAt: '14:00' },
      ],
      exceptions: [{ date: '2026-07-03', closed: false, opensAt: '10:00', closesAt: '12:00', reason: 'Short day' }],
    };
    const res = await put(svc.id, headers, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().intervals).toHaveLength(3);
    const rows = await t.db.select().from(schema.schedules).where(eq(schema.schedules.serviceId, svc.id));
    expect(rows.map((r) => [r.weekday, r.opensAt]).sort()).toEqual([[1, '09:00:00'], [1, '13:00:00'], [5, '10:00:00']]);
    const [audit] = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, svc.id), eq(schema.auditLog.action, 'service.schedule')));
    expect(audit!.changes).toHaveProperty('intervals');
  });

  it.each([
    ['overlapping intervals on one day', { intervals: [{ weekday: 2, opensAt: '09:00', closesAt: '13:00' }, { weekday: 2, opensAt: '12:00', closesAt: '15:00' }] }],
    ['opensAt after closesAt', { intervals: [{ weekday: 2, opensAt: '15:00', closesAt: '09:00' }] }],
    ['weekday 8', { intervals: [{ weekday: 8, opensAt: '09:00', closesAt: '10:00' }] }],
  ])('refuses %s with 400 and keeps the old schedule', async (_, body) => {
    const { org, headers } = await orgAdmin();
    const svc = await newService(t.db, org.id);
    await t.db.insert(schema.schedules).values({ serviceId: svc.id, weekday: 4, opensAt: '08:00', closesAt: '10:00' });
    const res = await put(svc.id, headers, body);
    expect([res.statusCode, res.json().code]).toEqual([400, 'validation_failed']);
    const rows = await t.db.select().from(schema.schedules).where(eq(schema.schedules.serviceId, svc.id));
    expect(rows.map((r) => [r.weekday, r.opensAt, r.closesAt])).toEqual([[4, '08:00:00', '10:00:00']]);
  });
});
