import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createDb, schema } from '@tandem/db';
import { KNN_PAGE_SIZES, arcKm, facetStats, searchMode, searchServices, shapeKey, type SearchFilters, type Shape } from './search.repo';
import { newOrg, newUser, everyDay, newLocation, newService } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

type NewService = typeof schema.services.$inferInsert;

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

// Wednesday 2026-03-11, 10:30 in Los Angeles (PDT, UTC-7).
const WED_1030 = '2026-03-11T17:30:00Z';
const search = async (qs: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/services/search?${new URLSearchParams(qs)}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { data: { id: string; name: string; location: { distanceKm: number | null } | null; todayHours: { intervals: unknown[] }; capacity: { status: string; stale: boolean }; openNow: boolean }[]; nextCursor: string | null };
};
const ids = (r: { data: { id: string }[] }) => r.data.map((h) => h.id);

describe('GET /api/v1/services/search', () => {
  it('"Spanish-speaking food help open now in SPA 6 that accepts referrals" finds the right service only', async () => {
    const org = await newOrg(t.db, { name: 'South LA Food Network' });
    const base: Partial<NewService> = { categories: ['food-insecurity'], languages: ['en', 'es'], spas: ['spa6'], capacityStatus: 'accepting' };
    const right = await newService(t.db, org.id, { ...base, name: 'Despensa de Alimentos' });
    const full = await newService(t.db, org.id, { ...base, name: 'Full Pantry', capacityStatus: 'full' });
    const closed = await newService(t.db, org.id, { ...base, name: 'Evening Pantry' });
    const wrongSpa = await newService(t.db, org.id, { ...base, name: 'Westside Pantry', spas: ['spa5'] });
    const english = await newService(t.db, org.id, { ...base, name: 'English Pantry', languages: ['en'] });
    for (const s of [right, full, wrongSpa, english]) await everyDay(t.db, s.id, '09:00', '17:00');
    await everyDay(t.db, closed.id, '17:00', '21:00');

    const res = await search({ category: 'food-insecurity', language: 'es', spa: 'spa6', accepting: 'true', openAt: WED_1030, limit: '200' });
    expect(ids(res)).toContain(right.id);
    for (const s of [full, closed, wrongSpa, english]) expect(ids(res)).not.toContain(s.id);
    const hit = res.data.find((h) => h.id === right.id)!;
    expect(hit).toMatchObject({ openNow: true, todayHours: { date: '2026-03-11', intervals: [{ opensAt: '09:00', closesAt: '17:00' }] }, capacity: { status: 'accepting', stale: true } });
  });

  it('honours a closure exception on the local date', async () => {
    const org = await newOrg(t.db);
    const svc = await newService(t.db, org.id, { name: 'Holiday Closure Clinic', spas: ['spa7'] });
    await everyDay(t.db, svc.id, '08:00', '18:00');
    const { schema } = await import('@tandem/db');
    await t.db.insert(schema.scheduleExceptions).values({ serviceId: svc.id, date: '2026-03-11', closed: true, reason: 'Staff training' });
    expect(ids(await search({ spa: 'spa7', openAt: WED_1030, limit: '200' }))).not.toContain(svc.id);
    expect(ids(await search({ spa: 'spa7', openAt: '2026-03-12T17:30:00Z', limit: '200' }))).toContain(svc.id);
    const all = await search({ q: 'Holiday Closure Clinic' });
    expect(all.data[0]!.id).toBe(svc.id);
  });

  it('tolerates typos: "fod pantry" finds "Food Pantry"', async () => {
    const org = await newOrg(t.db);
    const svc = await newService(t.db, org.id, { name: 'Food Pantry', description: 'Groceries every week' });
    await newService(t.db, org.id, { name: 'Legal Aid Clinic', categories: ['financial-insecurity'] });
    const res = await search({ q: 'fod pantry' });
    expect(res.data[0]!.id).toBe(svc.id);
    expect(ids(await search({ q: 'groceries' }))).toContain(svc.id);
  });

  it('finds services by Spanish need words, singular or plural, with or without accents (issue 24)', async () => {
    const org = await newOrg(t.db);
    const food = await newService(t.db, org.id, { name: 'Eastside Community Pantry', description: 'Weekly groceries', categories: ['food-insecurity'] });
    // Found by its category alone: no word of its text is a translation of the query.
    const foodByCategory = await newService(t.db, org.id, { name: 'Harvest Table', description: 'Open to all', categories: ['food-insecurity'] });
    const housing = await newService(t.db, org.id, { name: 'Rapid Rehousing Program', description: 'Move-in help', categories: ['housing-instability'] });
    const reentry = await newService(t.db, org.id, { name: 'Second Chance Hub', description: 'Support after release', categories: ['sdoh-category-unspecified'], focusPopulations: ['justice_involvement'] });
    const accented = await newService(t.db, org.id, { name: 'Programa de Alimentación Familiar', categories: ['sdoh-category-unspecified'] });
    const found = async (q: string) => ids(await search({ q, limit: '200' }));

    for (const q of ['comida', 'Comida', 'alimentos', 'despensa', 'ayuda con comida']) {
      const r = await found(q);
      expect(r).toEqual(expect.arrayContaining([food.id, foodByCategory.id]));
      expect(r).not.toContain(housing.id);
    }
    for (const q of ['vivienda', 'alojamiento']) {
      const r = await found(q);
      expect(r).toContain(housing.id);
      expect(r).not.toContain(food.id);
    }
    expect(await found('cárcel')).toContain(reentry.id);
    expect(await found('carcel')).toContain(reentry.id);
    // Accents either way: the accented service text matches an accented word, and the
    // translation matches the word without its accent.
    expect(await found('alimentación')).toEqual(expect.arrayContaining([accented.id, food.id]));
    expect(await found('alimentacion')).toEqual(expect.arrayContaining([food.id, foodByCategory.id, accented.id]));
    // Words no synonym knows, typed without accents (as on a phone) or with them, in any case;
    // and a misspelled one, corrected to a word of the services' text.
    const clinic = await newService(t.db, org.id, { name: 'Eastside Pediatrics', descriptionEs: 'Atención médica para niños y adolescentes', categories: ['sdoh-category-unspecified'] });
    for (const q of ['atencion medica', 'atención médica', 'ATENCIÓN MÉDICA', 'ninos', 'niños', 'adolescentes medica']) expect([q, await found(q)]).toEqual([q, expect.arrayContaining([clinic.id])]);
    expect(await found('adolesentes')).toContain(clinic.id);
    // English words still work, and still in websearch syntax; a nonsense word finds nothing.
    expect(await found('groceries')).toContain(food.id);
    expect(await found('rehousing -pantry')).toContain(housing.id);
    expect(await found('"community pantry"')).toContain(food.id);
    expect(await found('"pantry community"')).not.toContain(food.id);
    expect(await found('zxqvw')).toEqual([]);
    expect(await found('comida zxqvw')).toEqual([]);
  });

  it('orders by distance from near, reports distanceKm, and limits by radiusKm', async () => {
    const org = await newOrg(t.db);
    // Around downtown LA (34.05, -118.25).
    const near = await newLocation(t.db, org.id, { latitude: 34.06, longitude: -118.25 });
    const mid = await newLocation(t.db, org.id, { latitude: 34.15, longitude: -118.25 });
    const far = await newLocation(t.db, org.id, { latitude: 34.7, longitude: -118.15 });
    const a = await newService(t.db, org.id, { name: 'Distance A', categories: ['veteran-status'], locationIds: [far.id] });
    const b = await newService(t.db, org.id, { name: 'Distance B', categories: ['veteran-status'], locationIds: [near.id, far.id] });
    const c = await newService(t.db, org.id, { name: 'Distance C', categories: ['veteran-status'], locationIds: [mid.id] });
    const res = await search({ category: 'veteran-status', near: '34.05,-118.25' });
    expect(ids(res)).toEqual([b.id, c.id, a.id]);
    expect(res.data[0]!.location!.distanceKm).toBeCloseTo(1.1, 0);
    const within = await search({ category: 'veteran-status', near: '34.05,-118.25', radiusKm: '20' });
    expect(ids(within)).toEqual([b.id, c.id]);

    const page1 = await search({ category: 'veteran-status', near: '34.05,-118.25', limit: '2' });
    expect(ids(page1)).toEqual([b.id, c.id]);
    const page2 = await search({ category: 'veteran-status', near: '34.05,-118.25', limit: '2', cursor: page1.nextCursor! });
    expect([ids(page2), page2.nextCursor]).toEqual([[a.id], null]);

    // With text: ranked, the radius keeps the services with a site inside it (any of their sites).
    const text = await search({ q: 'Distance', category: 'veteran-status', near: '34.05,-118.25', radiusKm: '20' });
    expect(ids(text).sort()).toEqual([b.id, c.id].sort());
    expect(text.data.find((h) => h.id === b.id)!.location!.distanceKm).toBeCloseTo(1.1, 0);
    expect(ids(await search({ q: 'Distance', near: '34.05,-118.25' })).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('lists the services without a located site last when ordering by distance without a radius', async () => {
    const org = await newOrg(t.db);
    const site = await newLocation(t.db, org.id, { latitude: 34.06, longitude: -118.25 });
    const located = await newService(t.db, org.id, { name: 'Sited Utility Help', categories: ['utility-insecurity'], locationIds: [site.id] });
    const unsited = await newService(t.db, org.id, { name: 'Phone-only Utility Help', categories: ['utility-insecurity'] });
    // Pages of 200 read up to 804 nearest locations: here every location the database holds.
    const res = await search({ category: 'utility-insecurity', near: '34.05,-118.25', limit: '200' });
    expect(ids(res)).toEqual([located.id, unsited.id]);
    expect(res.data[1]!.location).toBeNull();
    expect(ids(await search({ category: 'utility-insecurity', near: '34.05,-118.25', radiusKm: '50', limit: '200' }))).toEqual([located.id]);
  });

  it("shows the nearest of a service's sites with the distance PostgreSQL measures, else its first site by name", async () => {
    const org = await newOrg(t.db);
    const zeta = await newLocation(t.db, org.id, { name: 'Zeta Site', latitude: 34.06, longitude: -118.25 });
    const alpha = await newLocation(t.db, org.id, { name: 'alpha site', latitude: 34.3, longitude: -118.45 });
    const noCoords = await newLocation(t.db, org.id, { name: 'Aaa Mailing Address' });
    const svc = await newService(t.db, org.id, { name: 'Two Sites Legal Aid', categories: ['material-hardship'], locationIds: [zeta.id, alpha.id, noCoords.id] });
    const at = async (qs: Record<string, string>) => (await search({ category: 'material-hardship', limit: '200', ...qs })).data.find((h) => h.id === svc.id)!.location as unknown;
    const { rows } = await t.db.execute<{ km: string }>(
      sql`select round((sec_to_gc(cube_distance(ll_to_earth(34.05, -118.25), ll_to_earth(34.06, -118.25))) / 1000)::numeric, 2) as km`,
    );
    expect(await at({ near: '34.05,-118.25' })).toMatchObject({ id: zeta.id, distanceKm: Number(rows[0]!.km) });
    expect(await at({ near: '34.31,-118.46' })).toMatchObject({ id: alpha.id });
    // With text and a point, the nearest too; without a point, the first by name (case-insensitive).
    expect(await at({ q: 'Two Sites Legal Aid', near: '34.31,-118.46' })).toMatchObject({ id: alpha.id });
    expect(await at({})).toEqual({ id: noCoords.id, name: 'Aaa Mailing Address', address1: '1 Main St', city: 'Los Angeles', spa: null, latitude: null, longitude: null, distanceKm: null });
  });

  it('shows an edit to the organization, a location, the sites or the hours in the next search', async () => {
    const org = await newOrg(t.db, { name: 'Card Edits Network' });
    const admin = await newUser(t.db, { org, role: 'org_admin' });
    const headers = await signIn(t.app, admin.email);
    const first = await newLocation(t.db, org.id, { name: 'First Site' });
    const second = await newLocation(t.db, org.id, { name: 'Second Site', city: 'Pomona' });
    const svc = await newService(t.db, org.id, { name: 'Card Edits Pantry', locationIds: [first.id] });
    await everyDay(t.db, svc.id, '09:00', '17:00');
    const hit = async () => (await search({ q: 'Card Edits Pantry' })).data.find((h) => h.id === svc.id) as unknown as {
      name: string; organization: { name: string }; location: { id: string; name: string; city: string }; todayHours: { date: string; closedReason: string | null; intervals: unknown[] };
    };
    const before = await hit();
    expect(before).toMatchObject({ organization: { name: 'Card Edits Network' }, location: { id: first.id }, todayHours: { closedReason: null, intervals: [{ opensAt: '09:00', closesAt: '17:00' }] } });

    const patch = (url: string, payload: object, version?: number) =>
      t.app.inject({ method: 'PATCH', url, headers: version ? { ...headers, 'if-match': `"${version}"` } : headers, payload });
    expect((await patch(`/api/v1/organizations/${org.id}`, { name: 'Card Edits Alliance' }, org.version)).statusCode).toBe(200);
    expect((await hit()).organization.name).toBe('Card Edits Alliance');
    expect((await patch(`/api/v1/locations/${first.id}`, { name: 'First Site Annex', city: 'Compton' })).statusCode).toBe(200);
    expect((await hit()).location).toMatchObject({ id: first.id, name: 'First Site Annex', city: 'Compton' });
    expect((await patch(`/api/v1/services/${svc.id}`, { name: 'Card Edits Pantry West', locationIds: [second.id] }, svc.version)).statusCode).toBe(200);
    expect(await hit()).toMatchObject({ name: 'Card Edits Pantry West', location: { id: second.id, name: 'Second Site', city: 'Pomona' } });

    const today = before.todayHours.date;
    const weekday = ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const put = (payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/services/${svc.id}/schedule`, headers, payload });
    expect((await put({ intervals: [{ weekday, opensAt: '10:00', closesAt: '12:00' }, { weekday, opensAt: '13:00', closesAt: '15:30' }] })).statusCode).toBe(200);
    expect((await hit()).todayHours).toEqual({ date: today, closedReason: null, intervals: [{ opensAt: '10:00', closesAt: '12:00' }, { opensAt: '13:00', closesAt: '15:30' }] });
    expect((await put({ intervals: [{ weekday, opensAt: '10:00', closesAt: '12:00' }], exceptions: [{ date: today, closed: true, reason: 'Inventory day' }] })).statusCode).toBe(200);
    expect((await hit()).todayHours).toEqual({ date: today, closedReason: 'Inventory day', intervals: [] });
  });

  it('pages by distance in exact order when the nearest locations hold other services (nearest-first walk falls back)', async () => {
    // 40 services on 30 locations around a point in Long Beach: 3 share the nearest site, and 12
    // nearer sites hold only services of another category, so a small page's first walk over
    // the nearest locations finds too few matches and must fall back to the full ordering.
    const org = await newOrg(t.db);
    const [lat0, lng0] = [33.77, -118.19];
    const want: { id: string; km: number }[] = [];
    const greatCircleKm = (lat: number, lng: number) => {
      const rad = Math.PI / 180;
      const h = Math.sin(((lat - lat0) * rad) / 2) ** 2 + Math.cos(lat0 * rad) * Math.cos(lat * rad) * Math.sin(((lng - lng0) * rad) / 2) ** 2;
      return 2 * 6378.168 * Math.asin(Math.sqrt(h));
    };
    for (let i = 0; i < 12; i++) {
      const loc = await newLocation(t.db, org.id, { latitude: lat0 + 0.0005 * (i + 1), longitude: lng0 });
      await newService(t.db, org.id, { name: `Elsewhere ${i}`, categories: ['stress'], locationIds: [loc.id] });
    }
    for (let i = 0; i < 30; i++) {
      const [lat, lng] = [lat0 + 0.01 + 0.003 * i, lng0 + (i % 2 ? 0.002 : -0.002) * i];
      const loc = await newLocation(t.db, org.id, { latitude: lat, longitude: lng });
      for (let k = 0; k < (i === 0 ? 3 : i % 3 === 0 ? 2 : 1); k++) {
        const svc = await newService(t.db, org.id, { name: `Elder help ${i}.${k}`, categories: ['elder-abuse'], locationIds: [loc.id] });
        want.push({ id: svc.id, km: greatCircleKm(lat, lng) });
      }
    }
    want.sort((a, b) => a.km - b.km || a.id.localeCompare(b.id));
    for (const radiusKm of [undefined, '50']) {
      const got: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search({ category: 'elder-abuse', near: `${lat0},${lng0}`, limit: '3', ...(radiusKm ? { radiusKm } : {}), ...(cursor ? { cursor } : {}) });
        got.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor && got.length < 100);
      expect(got).toEqual(want.map((w) => w.id));
    }
  });

  it('pages by distance in exact order without filters when the nearest sites hold only inactive services', async () => {
    // Without filters the first walk reads only 1.5 locations per page row; here the 8 nearest
    // sites hold inactive services, so it finds nothing and the page must come from the fallback.
    const org = await newOrg(t.db);
    const [lat0, lng0] = [34.45, -117.6];
    for (let i = 0; i < 8; i++) {
      const loc = await newLocation(t.db, org.id, { latitude: lat0 + 0.0004 * (i + 1), longitude: lng0 });
      await newService(t.db, org.id, { name: `Closed down ${i}`, status: 'inactive', locationIds: [loc.id] });
    }
    const want: string[] = [];
    for (let i = 0; i < 7; i++) {
      const loc = await newLocation(t.db, org.id, { latitude: lat0 - 0.005 - 0.002 * i, longitude: lng0 });
      want.push((await newService(t.db, org.id, { name: `Desert help ${i}`, locationIds: [loc.id] })).id);
    }
    const got: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ near: `${lat0},${lng0}`, radiusKm: '5', limit: '3', ...(cursor ? { cursor } : {}) });
      got.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor && got.length < 100);
    expect(got).toEqual(want);
  });

  it("shows an org admin's capacity update immediately", async () => {
    const org = await newOrg(t.db);
    const svc = await newService(t.db, org.id, { name: 'Shelter Beds Now', categories: ['homelessness'] });
    const admin = await newUser(t.db, { org, role: 'org_admin' });
    const { cookie } = await signIn(t.app, admin.email);
    expect(ids(await search({ category: 'homelessness', accepting: 'true', limit: '200' }))).toContain(svc.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/services/${svc.id}/capacity`, headers: { cookie }, payload: { status: 'full', note: 'No beds tonight' } });
    expect(res.statusCode).toBe(200);
    expect(ids(await search({ category: 'homelessness', accepting: 'true', limit: '200' }))).not.toContain(svc.id);
    const hit = (await search({ q: 'Shelter Beds Now' })).data.find((h) => h.id === svc.id)!;
    expect(hit.capacity).toMatchObject({ status: 'full', stale: false });
  });

  it("shows an org admin's new hours and exceptions in open-at search at once", async () => {
    const org = await newOrg(t.db);
    const svc = await newService(t.db, org.id, { name: 'Hours Edit Pantry', categories: ['transportation-insecurity'], spas: ['spa2'] });
    const admin = await newUser(t.db, { org, role: 'org_admin' });
    const { cookie } = await signIn(t.app, admin.email);
    const put = async (payload: object) => {
      const res = await t.app.inject({ method: 'PUT', url: `/api/v1/services/${svc.id}/schedule`, headers: { cookie }, payload });
      expect(res.statusCode).toBe(200);
    };
    const openAt = async (at: string) => ids(await search({ category: 'transportation-insecurity', spa: 'spa2', openAt: at, limit: '200' })).includes(svc.id);
    // openAt sets the instant of todayHours, and filters: only an open service comes back.
    const hit = async (at: string) => (await search({ q: 'Hours Edit Pantry', openAt: at })).data.find((h) => h.id === svc.id)!;

    // Wednesday 10:30 local: no hours yet, so closed.
    expect(await openAt(WED_1030)).toBe(false);
    await put({ intervals: [{ weekday: 3, opensAt: '08:00', closesAt: '10:00' }, { weekday: 3, opensAt: '10:30', closesAt: '12:00' }] });
    expect(await openAt(WED_1030)).toBe(true);
    expect(await openAt('2026-03-11T17:29:59Z')).toBe(false); // 10:29:59, between the two intervals
    expect(await openAt('2026-03-11T19:00:00Z')).toBe(false); // 12:00, closes_at is exclusive
    expect(await openAt('2026-03-12T17:30:00Z')).toBe(false); // Thursday
    expect((await hit(WED_1030)).todayHours).toEqual({ date: '2026-03-11', closedReason: null, intervals: [{ opensAt: '08:00', closesAt: '10:00' }, { opensAt: '10:30', closesAt: '12:00' }] });

    // An exception on that date decides instead of the weekly hours, both ways.
    await put({
      intervals: [{ weekday: 3, opensAt: '08:00', closesAt: '12:00' }],
      exceptions: [
        { date: '2026-03-11', closed: true, reason: 'Inventory' },
        { date: '2026-03-12', closed: false, opensAt: '10:00', closesAt: '11:00', reason: 'Extra day' },
      ],
    });
    expect(await openAt(WED_1030)).toBe(false);
    expect(await openAt('2026-03-12T17:30:00Z')).toBe(true);
    expect((await hit('2026-03-12T17:30:00Z')).todayHours).toEqual({ date: '2026-03-12', closedReason: null, intervals: [{ opensAt: '10:00', closesAt: '11:00' }] });

    // Removing the exception brings the weekly hours back.
    await put({ intervals: [{ weekday: 3, opensAt: '08:00', closesAt: '12:00' }] });
    expect(await openAt(WED_1030)).toBe(true);
    expect(await openAt('2026-03-12T17:30:00Z')).toBe(false);
  });

  it('corrects a misspelled word from any service text, including words of a service just renamed', async () => {
    const org = await newOrg(t.db);
    const svc = await newService(t.db, org.id, { name: 'Westlake Hub', description: 'Weekly groceries and hygiene kits' });
    expect(ids(await search({ q: 'hygeine kits' }))).toContain(svc.id);
    expect(ids(await search({ q: 'Marimba' }))).not.toContain(svc.id);
    const { schema } = await import('@tandem/db');
    const { eq } = await import('drizzle-orm');
    await t.db.update(schema.services).set({ name: 'Marimba Music Therapy' }).where(eq(schema.services.id, svc.id));
    expect(ids(await search({ q: 'marimbaa therapy' }))).toContain(svc.id);
  });

  it('filters by focus population and Community Support together with text', async () => {
    const org = await newOrg(t.db);
    const base: Partial<NewService> = { categories: ['housing-instability'], focusPopulations: ['justice_involvement'], communitySupport: 'housing_deposits' };
    const right = await newService(t.db, org.id, { ...base, name: 'Reentry Deposit Fund' });
    const otherFocus = await newService(t.db, org.id, { ...base, name: 'Family Deposit Fund', focusPopulations: ['healthy_pregnancy'] });
    const otherSupport = await newService(t.db, org.id, { ...base, name: 'Reentry Navigation Deposit', communitySupport: 'housing_transition_navigation' });
    const res = ids(await search({ q: 'deposit', focusPopulation: 'justice_involvement', communitySupport: 'housing_deposits', limit: '200' }));
    expect(res).toContain(right.id);
    expect(res).not.toContain(otherFocus.id);
    expect(res).not.toContain(otherSupport.id);
  });

  it('filters by age: a service without limits, or whose range holds the age', async () => {
    const org = await newOrg(t.db);
    const base: Partial<NewService> = { categories: ['educational-attainment'], spas: ['spa8'] };
    const anyAge = await newService(t.db, org.id, { ...base, name: 'Library Homework Help' });
    const teens = await newService(t.db, org.id, { ...base, name: 'Teen Tutoring', minAge: 13, maxAge: 19 });
    const adults = await newService(t.db, org.id, { ...base, name: 'Adult GED Class', minAge: 18 });
    const at = async (age: string) => ids(await search({ category: 'educational-attainment', spa: 'spa8', age, limit: '200' }));
    expect(await at('15')).toEqual(expect.arrayContaining([anyAge.id, teens.id]));
    expect(await at('15')).not.toContain(adults.id);
    expect(await at('19')).toEqual(expect.arrayContaining([anyAge.id, teens.id, adults.id]));
    expect(await at('40')).not.toContain(teens.id);
  });

  it('ranks by text relevance and pages through ranked hits without repeats', async () => {
    const org = await newOrg(t.db);
    const exact = await newService(t.db, org.id, { name: 'Diaper Bank', description: 'Free diapers for families' });
    const partial = await newService(t.db, org.id, { name: 'Family Resource Center', description: 'Diapers, formula and clothing' });
    const p1 = await search({ q: 'diaper bank', limit: '1' });
    expect(ids(p1)).toEqual([exact.id]);
    const p2 = await search({ q: 'diaper', limit: '1', cursor: (await search({ q: 'diaper', limit: '1' })).nextCursor! });
    const both = [...ids(await search({ q: 'diaper', limit: '1' })), ...ids(p2)];
    expect(new Set(both)).toEqual(new Set([exact.id, partial.id]));
  });

  it('openNow uses the current time', async () => {
    const org = await newOrg(t.db);
    const always = await newService(t.db, org.id, { name: 'Always Open Hotline', categories: ['stress'] });
    await everyDay(t.db, always.id, '00:00', '24:00');
    const never = await newService(t.db, org.id, { name: 'No Hours Listed', categories: ['stress'] });
    const res = await search({ category: 'stress', openNow: 'true', limit: '200' });
    expect(ids(res)).toContain(always.id);
    expect(ids(res)).not.toContain(never.id);
  });

  it('pages by name with a stable cursor and rejects a forged one', async () => {
    const org = await newOrg(t.db);
    for (const n of ['Zeta Paging', 'Alpha Paging', 'Mu Paging']) await newService(t.db, org.id, { name: n, categories: ['digital-access'] });
    const p1 = await search({ category: 'digital-access', limit: '2' });
    const p2 = await search({ category: 'digital-access', limit: '2', cursor: p1.nextCursor! });
    expect([...p1.data, ...p2.data].map((h) => h.name)).toEqual(['Alpha Paging', 'Mu Paging', 'Zeta Paging']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/services/search?cursor=nope' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'invalid_cursor']);
  });

  it('takes a ZIP code as the point: ranks by distance from its centroid, and radiusKm applies', async () => {
    const org = await newOrg(t.db);
    // ZIP 90011 (South LA) has its centroid near 34.008,-118.258; Palmdale is 45 km north.
    const southLa = await newLocation(t.db, org.id, { postalCode: '90011', latitude: 34.0, longitude: -118.256 });
    const palmdale = await newLocation(t.db, org.id, { postalCode: '93550', latitude: 34.58, longitude: -118.1 });
    const near = await newService(t.db, org.id, { name: 'Zip Near Pantry', categories: ['medical-cost-burden'], locationIds: [southLa.id] });
    const far = await newService(t.db, org.id, { name: 'Zip Far Pantry', categories: ['medical-cost-burden'], locationIds: [palmdale.id] });
    const res = await search({ category: 'medical-cost-burden', zip: '90011' });
    expect(ids(res)).toEqual([near.id, far.id]);
    expect(res.data[0]!.location!.distanceKm).toBeLessThan(2);
    expect(ids(await search({ category: 'medical-cost-burden', zip: '90011', radiusKm: '10' }))).toEqual([near.id]);
    // The same order as the centroid given as near.
    expect(ids(await search({ category: 'medical-cost-burden', zip: '93550' }))).toEqual([far.id, near.id]);
  });

  it('refuses an unknown or malformed ZIP code, and near with zip, with a problem naming zip', async () => {
    for (const qs of ['zip=00000', 'zip=99999', 'zip=9001', 'zip=90011-1234', 'zip=abcde', 'zip=90011&near=34.05,-118.25']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/services/search?${qs}` });
      expect([qs, res.statusCode, res.headers['content-type']]).toEqual([qs, 400, 'application/problem+json; charset=utf-8']);
      expect([qs, res.json().code, res.json().errors.map((e: { path: string }) => e.path)]).toEqual([qs, 'validation_failed', ['query.zip']]);
    }
  });

  it('refuses a point off the earth or not written lat,lng with a problem naming near', async () => {
    for (const near of ['34.05,-300', '95,-118.25', '-90.5,10', '34.05', 'here']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/services/search?near=${encodeURIComponent(near)}` });
      expect([res.statusCode, res.headers['content-type']]).toEqual([400, 'application/problem+json; charset=utf-8']);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('query.near');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/services/search?near=-90,180' })).statusCode).toBe(200);
  });
});

describe('search statements and cards', () => {
  it('gives every shape of filters its own statement name', () => {
    const keys = new Set<string>();
    let shapes = 0;
    for (const mode of ['rank', 'distance', 'name'] as const)
      for (const accepting of ['yes', 'no', 'any'] as const)
        for (let bits = 0; bits < 128; bits++) {
          const [facets, age, open, near, radius, cursor, knn] = [0, 1, 2, 3, 4, 5, 6].map((i) => (bits & (1 << i)) !== 0) as boolean[];
          for (const size of knn ? KNN_PAGE_SIZES : [null]) {
            const shape: Shape = { mode, facets: facets!, age: age!, accepting, open: open!, near: near!, radius: radius!, cursor: cursor!, knn: knn!, size };
            keys.add(shapeKey(shape));
            shapes++;
          }
        }
    expect(keys.size).toBe(shapes);
  });

  it('writes out sec_to_gc / 1000 to the bit (arcKm), null and out-of-range chords included', async () => {
    const chords = [0, 1e-9, 0.5, 999.123456789, 5_000, 29_999.9, 1_234_567.891, 12_756_336, 12_756_337, 2e7, -3];
    const { rows } = await t.db.execute<{ same: boolean; nulls: boolean }>(sql`
      select bool_and(${arcKm(sql`c`)} = sec_to_gc(c) / 1000) as same,
             (select ${arcKm(sql`n`)} is null from (select null::float8 as n) x) as nulls
      from unnest(${`{${chords.join(',')}}`}::float8[]) c`);
    expect(rows[0]).toEqual({ same: true, nulls: true });
  });

  it("keeps a copy of each service's site points in step with its sites and their coordinates", async () => {
    const org = await newOrg(t.db);
    const a = await newLocation(t.db, org.id, { latitude: 34.06, longitude: -118.25 });
    const b = await newLocation(t.db, org.id, { latitude: 34.2, longitude: -118.5 });
    const mailing = await newLocation(t.db, org.id, { name: 'Mailing address only' });
    const svc = await newService(t.db, org.id, { name: 'Site Points Pantry', locationIds: [a.id, mailing.id] });
    // The copy against the sites themselves: located ones only, by location id.
    const check = async () => {
      const { rows } = await t.db.execute<{ copy: string; sites: string }>(sql`
        select s.site_pts::text as copy,
               array(select l.earth_pt from service_locations sl join locations l on l.id = sl.location_id
                     where sl.service_id = s.id and l.earth_pt is not null order by l.id)::text as sites
        from services s where s.id = ${svc.id}`);
      expect(rows[0]!.copy).toBe(rows[0]!.sites);
      return rows[0]!.copy;
    };
    const one = await check();
    expect(one).not.toBe('{}');
    await t.db.insert(schema.serviceLocations).values({ serviceId: svc.id, locationId: b.id });
    const two = await check();
    expect(two).not.toBe(one);
    await t.db.update(schema.locations).set({ latitude: 34.3 }).where(eq(schema.locations.id, b.id));
    expect(await check()).not.toBe(two);
    await t.db.update(schema.locations).set({ latitude: 33.9, longitude: -118.2 }).where(eq(schema.locations.id, mailing.id));
    await check();
    await t.db.delete(schema.serviceLocations).where(eq(schema.serviceLocations.serviceId, svc.id));
    expect(await check()).toBe('{}');
  });

  it("keeps each filter value's services in name order in step with the services rows", async () => {
    const org = await newOrg(t.db);
    const svc = await newService(t.db, org.id, { name: 'Facet Names Pantry', categories: ['food-insecurity'], spas: ['spa6'], languages: ['en', 'es'] });
    // What the rows must be, from the services rows themselves: every service, not one.
    const stray = async () => {
      const { rows } = await t.db.execute<{ n: number }>(sql`
        with want as (
          select f.lexeme as facet, lower(s.name) as lname, s.id as service_id, s.facets::text as facets
          from services s cross join lateral unnest(s.facets) f where s.status <> 'inactive'),
        have as (select facet, lname, service_id, facets::text as facets from service_facet_names)
        select ((select count(*) from (select * from want except select * from have) a)
              + (select count(*) from (select * from have except select * from want) b))::int as n`);
      return rows[0]!.n;
    };
    const facetsOf = async () =>
      (await t.db.execute<{ facet: string; lname: string }>(sql`select facet, lname from service_facet_names where service_id = ${svc.id} order by facet`)).rows;
    expect(await facetsOf()).toEqual(
      ['category:food-insecurity', 'language:en', 'language:es', 'spa:spa6'].map((facet) => ({ facet, lname: 'facet names pantry' })),
    );
    const update = async (set: Partial<typeof schema.services.$inferInsert>) => {
      await t.db.update(schema.services).set(set).where(eq(schema.services.id, svc.id));
      expect(await stray()).toBe(0);
    };
    await update({ name: 'Renamed Facet Pantry', categories: ['food-insecurity', 'housing-instability'], communitySupport: 'medically_tailored_meals' });
    expect((await facetsOf()).map((r) => r.facet)).toContain('community_support:medically_tailored_meals');
    expect(new Set((await facetsOf()).map((r) => r.lname))).toEqual(new Set(['renamed facet pantry']));
    await update({ status: 'inactive' });
    expect(await facetsOf()).toEqual([]);
    await update({ status: 'temporarily_closed', spas: ['spa4'] });
    expect((await facetsOf()).map((r) => r.facet)).toContain('spa:spa4');
    // A capacity edit leaves the rows alone (the trigger's WHEN): same physical rows after it.
    const where = async () => (await t.db.execute<{ at: string }>(sql`select string_agg(ctid::text, ',' order by facet) as at from service_facet_names where service_id = ${svc.id}`)).rows[0]!.at;
    const before = await where();
    await update({ capacityStatus: 'full', capacityNote: 'Full until Monday' });
    expect(await where()).toBe(before);
    await t.db.delete(schema.services).where(eq(schema.services.id, svc.id));
    expect(await facetsOf()).toEqual([]);
    expect(await stray()).toBe(0);
  });

  it('pages by name through two filter values in exact order, whichever value it walks', async () => {
    const org = await newOrg(t.db);
    // Names interleave the services that hold both values with those holding one; one is inactive.
    const made = [];
    for (const [i, cats, spas, status] of [
      [1, ['utility-insecurity'], ['spa7'], 'active'],
      [2, ['utility-insecurity'], ['spa2'], 'active'],
      [3, ['utility-insecurity', 'stress'], ['spa7', 'spa2'], 'active'],
      [4, ['stress'], ['spa7'], 'active'],
      [5, ['utility-insecurity'], ['spa7'], 'inactive'],
      [6, ['utility-insecurity'], ['spa7'], 'temporarily_closed'],
      [7, ['utility-insecurity'], ['spa7'], 'active'],
    ] as const) {
      made.push(await newService(t.db, org.id, { name: `Utility Help ${String.fromCharCode(70 - i)}`, categories: [...cats], spas: [...spas], status }));
    }
    const want = made
      .filter((m) => m.categories.includes('utility-insecurity') && m.spas.includes('spa7') && m.status !== 'inactive')
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
      .map((m) => m.id);
    expect(want).toHaveLength(4);
    const got: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ category: 'utility-insecurity', spa: 'spa7', limit: '1', ...(cursor ? { cursor } : {}) });
      got.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor && got.length < 10);
    expect(got).toEqual(want);
  });

  it('plans a name-order search with filter values once per connection, whatever the values', async () => {
    const org = await newOrg(t.db);
    await t.db.execute(sql`insert into services (organization_id, name, categories, spas, languages)
      select ${org.id}, 'Plan Once ' || i, array[(array['food-insecurity', 'housing-instability', 'stress'])[1 + i % 3]],
             array[case when i % 2 = 0 then 'spa4' else 'spa6' end], '{en}' from generate_series(1, 2000) i`);
    await t.db.execute(sql`analyze services, service_facet_names`);
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    try {
      const db = createDb(pool);
      for (let i = 0; i < 12; i++) {
        const f: SearchFilters = { category: ['food-insecurity', 'housing-instability', 'stress'][i % 3], spa: i % 2 ? 'spa4' : 'spa6', limit: 25, at: new Date(WED_1030), onlyOpen: false };
        expect(searchMode(f)).toBe('name');
        expect((await searchServices(db, f)).length).toBeGreaterThan(0);
      }
      const { rows } = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
        "select name, generic_plans, custom_plans from pg_prepared_statements where name like 'directory_search_%'",
      );
      expect(rows.map((r) => r.name)).toEqual([`directory_search_${shapeKey({ mode: 'name', facets: true, age: false, accepting: 'any', open: false, near: false, radius: false, cursor: false, knn: false, size: null })}`]);
      expect(Number(rows[0]!.generic_plans)).toBeGreaterThan(0);
      expect(Number(rows[0]!.custom_plans)).toBeLessThanOrEqual(5);
    } finally {
      await pool.end();
    }
  });

  it('plans the distances of a rare filter value\'s candidates once per connection', async () => {
    const org = await newOrg(t.db);
    // 150 empty sites around the point: the nearest-first walk reads them, finds nothing and
    // cannot be sure, so the second statement measures the filter value's own candidates.
    await t.db.execute(sql`insert into locations (organization_id, name, address_1, city, postal_code, latitude, longitude)
      select ${org.id}, 'Empty Site ' || i, i || ' Rare St', 'Los Angeles', '90012', 34.5 + (i % 15) * 0.001, -118.9 + (i / 15) * 0.001 from generate_series(1, 150) i`);
    const far = await newLocation(t.db, org.id, { latitude: 34.65, longitude: -118.9 });
    const rare = await newService(t.db, org.id, { name: 'Rare Sobering Center', communitySupport: 'sobering_centers', locationIds: [far.id] });
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    try {
      const db = createDb(pool);
      for (let i = 0; i < 12; i++) {
        const f: SearchFilters = { near: { lat: 34.505 + i / 1000, lng: -118.895 }, radiusKm: 40 + i, communitySupport: 'sobering_centers', limit: 25, at: new Date(WED_1030), onlyOpen: false };
        expect((await searchServices(db, f)).map((r) => r.id)).toContain(rare.id);
      }
      const { rows } = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
        "select name, generic_plans, custom_plans from pg_prepared_statements where name like 'directory_search_%' and name not like '%k25'",
      );
      expect(rows.map((r) => r.name)).toEqual([`directory_search_${shapeKey({ mode: 'distance', facets: true, age: false, accepting: 'any', open: false, near: true, radius: true, cursor: false, knn: false, size: null })}`]);
      expect(Number(rows[0]!.generic_plans)).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });

  it("reads the filter values' shares and the services per location from the planner's statistics", async () => {
    await t.db.execute(sql`analyze services, service_locations, locations`);
    const stats = await facetStats(t.db, Date.now() + 3_600_000); // past the cache
    const { rows } = await t.db.execute<{ en: number; links: number; sites: number }>(sql`
      select avg((facets @@ $$'language:en'$$::tsquery)::int)::float8 as en,
             (select count(*) from service_locations)::float8 as links, (select count(*) from locations)::float8 as sites
      from services`);
    const { en, links, sites } = rows[0]!;
    // ANALYZE samples 30,000 rows: this test database is smaller, so it reads them all.
    expect(stats!.share.get('language:en')).toBeCloseTo(en, 3);
    expect(stats!.servicesPerLocation).toBeCloseTo(links / sites, 3);
    expect(stats!.unlisted).toBe(Math.min(...stats!.share.values()));
  });

  it('keeps a text search with age and accepting=false apart from a text search near a point', async () => {
    const org = await newOrg(t.db);
    const site = await newLocation(t.db, org.id, { latitude: 34.06, longitude: -118.25 });
    const open = await newService(t.db, org.id, { name: 'Shape Apart Clinic', capacityStatus: 'accepting', locationIds: [site.id] });
    const waitlist = await newService(t.db, org.id, { name: 'Shape Apart Clinic Annex', capacityStatus: 'waitlist', minAge: 18, maxAge: 64, locationIds: [site.id] });
    expect(ids(await search({ q: 'Shape Apart Clinic', age: '30', accepting: 'false' }))).toEqual([waitlist.id]);
    const near = await search({ q: 'Shape Apart Clinic', near: '34.05,-118.25' });
    expect(ids(near).sort()).toEqual([open.id, waitlist.id].sort());
    expect(near.data.every((h) => h.location!.distanceKm !== null)).toBe(true);
  });

  it('plans a nearest-first search once per connection, whatever its point, page size and filter values', async () => {
    const org = await newOrg(t.db);
    const site = await newLocation(t.db, org.id, { latitude: 34.1, longitude: -118.3 });
    await newService(t.db, org.id, { name: 'Generic Plan Shelter', categories: ['homelessness'], spas: ['spa4'], locationIds: [site.id] });
    // Enough locations, with statistics, that a plan for a known LIMIT and point looks cheaper
    // than one for unknown values (as on a real directory). Each holds a service in SPA 4 or 6,
    // so the statistics also say the walk can fill a page (walkWorthTrying) and it is tried.
    await t.db.execute(sql`insert into locations (organization_id, name, address_1, city, postal_code, latitude, longitude)
      select ${org.id}, 'Grid ' || i, i || ' Main St', 'Los Angeles', '90012', 33.7 + (i % 60) * 0.01, -118.6 + (i / 60) * 0.01 from generate_series(1, 3000) i`);
    await t.db.execute(sql`insert into services (organization_id, name, categories, spas, languages)
      select ${org.id}, 'Grid Service ' || i, '{homelessness}', array[case when i % 2 = 0 then 'spa4' else 'spa6' end], '{en}' from generate_series(1, 3000) i`);
    await t.db.execute(sql`insert into service_locations (service_id, location_id)
      select s.id, l.id
      from (select id, row_number() over (order by id) as n from services where organization_id = ${org.id} and name like 'Grid Service %') s
      join (select id, row_number() over (order by id) as n from locations where organization_id = ${org.id} and name like 'Grid %') l using (n)`);
    await t.db.execute(sql`analyze services, service_locations, locations`);
    const pool = new pg.Pool({ connectionString: t.url, max: 1 });
    try {
      const db = createDb(pool);
      const at = new Date(WED_1030);
      // One shape (filter values, nearest first, pages of up to 25): the values and sizes vary.
      for (let i = 0; i < 12; i++) {
        const f: SearchFilters = { near: { lat: 34 + i / 100, lng: -118.3 }, spa: i % 2 ? 'spa4' : 'spa6', age: 20 + i, limit: 11 + i, at, onlyOpen: false };
        expect(searchMode(f)).toBe('distance');
        await searchServices(db, f);
      }
      const { rows } = await pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
        "select name, generic_plans, custom_plans from pg_prepared_statements where name like 'directory_search_%'",
      );
      expect(rows.map((r) => r.name)).toEqual([shapeKey({ mode: 'distance', facets: true, age: true, accepting: 'any', open: false, near: true, radius: false, cursor: false, knn: true, size: 25 })].map((k) => `directory_search_${k}`));
      // PostgreSQL tries five custom plans, then keeps the generic one when it costs no more.
      expect(Number(rows[0]!.generic_plans)).toBeGreaterThan(0);
      expect(Number(rows[0]!.custom_plans)).toBeLessThanOrEqual(5);
    } finally {
      await pool.end();
    }
  });

  it('builds a card from both of two writers that overlap: a capacity change and an organization rename', async () => {
    const org = await newOrg(t.db, { name: 'Race Network' });
    const svc = await newService(t.db, org.id, { name: 'Race Pantry', capacityStatus: 'accepting' });
    const capacity = new pg.Client({ connectionString: t.url });
    const rename = new pg.Client({ connectionString: t.url });
    await Promise.all([capacity.connect(), rename.connect()]);
    try {
      await capacity.query('begin');
      await capacity.query("update services set capacity_status = 'full' where id = $1", [svc.id]);
      await rename.query('begin');
      const renamed = rename.query('update organizations set name = $1 where id = $2', ['Race Alliance', org.id]);
      // Wait until the rename's card refresh waits on the capacity change's row lock.
      for (let i = 0; i < 100; i++) {
        const { rows } = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'update organizations%'`);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await capacity.query('commit');
      await renamed;
      await rename.query('commit');
    } finally {
      await Promise.all([capacity.end(), rename.end()]);
    }
    const [card] = (await t.db.execute<{ organization_name: string; capacity_status: string }>(sql`select organization_name, capacity_status from service_cards where service_id = ${svc.id}`)).rows;
    expect(card).toEqual({ organization_name: 'Race Alliance', capacity_status: 'full' });
  });
});
