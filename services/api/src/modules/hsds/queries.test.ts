import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg } from '@tandem/db/testing';
import { testApp, type TestApp } from '../../testing/app';
import { OLD, hsdsRequests, newLocation, newService, validate, type Body } from './testing';

// The query parameters of the HSDS read API, each shown to filter: modified_after, minimal, full,
// per_page, postcode, proximity, top_only, parent_id, format. Every test makes its own rows under
// its own organization and filters on it, so other tests' rows never show.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const { get, list, ids, problemOf, ndjson } = hsdsRequests(() => t.app);
const at = (iso: string) => new Date(iso);

describe('GET /hsds/services?modified_after', () => {
  it('keeps services changed at or after the instant, counting changes to their organization, locations and contacts', async () => {
    const org = await newOrg(t.db, { name: 'Modified Org' });
    const a = await newService(t.db, org.id, 'Mod A');
    const b = await newService(t.db, org.id, 'Mod B');
    const loc = await newLocation(t.db, org.id, 'Mod site');
    await t.db.insert(schema.serviceLocations).values({ serviceId: a.id, locationId: loc.id });
    const [contact] = await t.db
      .insert(schema.contacts)
      .values({ organizationId: org.id, serviceId: b.id, name: 'Mod Person' })
      .returning();
    await t.db.update(schema.organizations).set({ updatedAt: OLD }).where(eq(schema.organizations.id, org.id));
    await t.db.update(schema.services).set({ updatedAt: OLD }).where(eq(schema.services.organizationId, org.id));
    await t.db.update(schema.locations).set({ updatedAt: OLD }).where(eq(schema.locations.id, loc.id));
    await t.db.update(schema.contacts).set({ updatedAt: OLD }).where(eq(schema.contacts.id, contact!.id));
    const since = (iso: string) => ids(`/hsds/services?organization_id=${org.id}&modified_after=${encodeURIComponent(iso)}`);
    const sals = (iso: string) => ids(`/hsds/service_at_locations?organization_id=${org.id}&modified_after=${encodeURIComponent(iso)}`);

    expect(await since('2021-01-01T00:00:00Z')).toEqual([]);
    // "On or after" (the spec's words), and offsets count: 22:00-02:00 is midnight UTC.
    expect(await since('2019-12-31T22:00:00-02:00')).toEqual([a.id, b.id]);
    expect(await since('2019-12-31T22:00:00.001-02:00')).toEqual([]);

    await t.db
      .update(schema.locations)
      .set({ updatedAt: at('2022-01-01T00:00:00Z') })
      .where(eq(schema.locations.id, loc.id));
    expect(await since('2021-01-01T00:00:00Z')).toEqual([a.id]);
    expect((await get(`/hsds/services/${a.id}`)).last_modified).toBe('2022-01-01T00:00:00.000Z');
    expect(await sals('2021-01-01T00:00:00Z')).toHaveLength(1);

    await t.db
      .update(schema.contacts)
      .set({ updatedAt: at('2023-01-01T00:00:00Z') })
      .where(eq(schema.contacts.id, contact!.id));
    expect(await since('2022-06-01T00:00:00Z')).toEqual([b.id]);
    expect(await sals('2022-06-01T00:00:00Z')).toEqual([]);

    await t.db
      .update(schema.services)
      .set({ updatedAt: at('2024-01-01T00:00:00Z') })
      .where(eq(schema.services.id, a.id));
    expect(await since('2023-06-01T00:00:00Z')).toEqual([a.id]);
    await t.db
      .update(schema.organizations)
      .set({ updatedAt: at('2025-01-01T00:00:00Z') })
      .where(eq(schema.organizations.id, org.id));
    const minimal = await list(`/hsds/services?organization_id=${org.id}&modified_after=2024-06-01T00:00:00Z&minimal=true`, 'service.json');
    expect(minimal.contents.map((x: Body) => [x.id, x.last_modified])).toEqual([
      [a.id, '2025-01-01T00:00:00.000Z'],
      [b.id, '2025-01-01T00:00:00.000Z'],
    ]);
  });

  it('answers 400 problem+json for a date-time that is malformed or does not exist', async () => {
    for (const bad of ['yesterday', '2024-02-30T00:00:00Z', '2024-01-01', '2024-01-01T00:00:00']) {
      const p = await problemOf(`/hsds/services?modified_after=${bad}`);
      expect([bad, p.code, p.errors[0]!.path]).toEqual([bad, 'validation_failed', 'query.modified_after']);
    }
    expect((await problemOf('/hsds/service_at_locations?modified_after=2024-13-01T00:00:00Z')).code).toBe('validation_failed');
  });
});

describe('GET /hsds/services minimal, full and per_page', () => {
  it('minimal answers every service in one page by default; full and minimal together are refused', async () => {
    const org = await newOrg(t.db, { name: 'Many Services Org' });
    await t.db
      .insert(schema.services)
      .values(Array.from({ length: 130 }, (_, i) => ({ organizationId: org.id, name: `Many ${String(i).padStart(3, '0')}` })));
    const all = await list(`/hsds/services?organization_id=${org.id}&minimal=true`, 'service.json');
    expect([all.total_items, all.size, all.total_pages, all.last_page]).toEqual([130, 130, 1, true]);
    expect((await get(`/hsds/services?organization_id=${org.id}`)).size).toBe(25);
    expect((await get(`/hsds/services?organization_id=${org.id}&minimal=1&per_page=500`)).size).toBe(130);
    expect((await problemOf('/hsds/services?per_page=500')).errors[0]!.path).toBe('query.per_page');
    expect((await problemOf('/hsds/services?minimal=true&full=true')).errors[0]!.path).toBe('query.minimal');
    expect((await problemOf('/hsds/services?full=yes')).errors[0]!.path).toBe('query.full');
  });
});

describe('GET /hsds/organizations full', () => {
  it('lists one-to-one fields by default and nests services, locations and contacts with full=true, as a page or ndjson', async () => {
    const org = await newOrg(t.db, { name: 'Full Flag Org', phone: '213-555-0142' });
    const svc = await newService(t.db, org.id, 'Full Flag Service');
    const loc = await newLocation(t.db, org.id, 'Full Flag Site');
    await t.db.insert(schema.serviceLocations).values({ serviceId: svc.id, locationId: loc.id });
    const url = '/hsds/organizations?search=full%20flag%20org';

    for (const basic of [
      (await list(url, 'organization.json')).contents[0],
      (await list(`${url}&full=false`, 'organization.json')).contents[0],
    ])
      expect(Object.keys(basic).sort()).toEqual(['description', 'id', 'name']);
    const full = (await list(`${url}&full=true`, 'organization.json')).contents[0];
    expect(full).toMatchObject({ id: org.id, phones: [{ number: '213-555-0142' }], locations: [{ id: loc.id }], contacts: [] });
    expect(full.services.map((x: Body) => [x.id, x.service_at_locations.map((y: Body) => y.location_id)])).toEqual([[svc.id, [loc.id]]]);
    for (const x of full.services) validate('service.json', x);

    const [line] = await ndjson(`${url}&format=ndjson`);
    expect(Object.keys(line!).sort()).toEqual(['description', 'id', 'name']);
    expect(await ndjson(`${url}&format=ndjson&full=true`)).toEqual([full]);
    expect((await problemOf(`${url}&full=yes`)).errors[0]!.path).toBe('query.full');
  });
});

describe('GET /hsds/service_at_locations?postcode&proximity', () => {
  it('filters on the exact postal code, or on meters from the centroid of that postal code', async () => {
    const org = await newOrg(t.db, { name: 'Geo Org' });
    const svc = await newService(t.db, org.id, 'Geo Service');
    // Kansas, far from every other test's rows. At 40°N, 0.005° of longitude is ~426 m; 0.1° of latitude ~11.1 km.
    const centre = await newLocation(t.db, org.id, 'centre', { postalCode: '99901', latitude: 40, longitude: -100 });
    const near = await newLocation(t.db, org.id, 'near', { postalCode: '99902', latitude: 40, longitude: -100.005 });
    const far = await newLocation(t.db, org.id, 'far', { postalCode: '99903', latitude: 40.1, longitude: -100 });
    const unplaced = await newLocation(t.db, org.id, 'unplaced', { postalCode: '99901' });
    const all = [centre, near, far, unplaced];
    await t.db.insert(schema.serviceLocations).values(all.map((l) => ({ serviceId: svc.id, locationId: l.id })));
    const names = async (query: string) => {
      const page = await list(`/hsds/service_at_locations?organization_id=${org.id}&${query}`, 'service_at_location.json');
      return page.contents.map((x: Body) => all.find((l) => l.id === x.location_id)!.name).sort();
    };

    expect(await names('postcode=99901')).toEqual(['centre', 'unplaced']);
    expect(await names('postcode=99903')).toEqual(['far']);
    expect(await names('postcode=99901&proximity=300')).toEqual(['centre']);
    expect(await names('postcode=99901&proximity=1000')).toEqual(['centre', 'near']);
    expect(await names('postcode=99901&proximity=12000.5')).toEqual(['centre', 'far', 'near']);
    // No geocoded location has 99999: it has no centroid, so nothing is near it.
    expect(await names('postcode=99999&proximity=20000000')).toEqual([]);
    expect(await names('postcode=99999')).toEqual([]);
    const fullPage = await list(`/hsds/service_at_locations?postcode=99903&full=true`, 'service_at_location.json');
    expect(fullPage.contents.map((x: Body) => x.location.addresses[0].postal_code)).toEqual(['99903']);
  });

  it('answers 400 problem+json for a negative or non-numeric proximity, or one without a postcode', async () => {
    for (const q of [
      'postcode=99901&proximity=-5',
      'postcode=99901&proximity=abc',
      'postcode=99901&proximity=',
      'proximity=1000',
      'postcode=1&proximity=1e9',
    ]) {
      const p = await problemOf(`/hsds/service_at_locations?${q}`);
      expect([q, p.code, p.errors[0]!.path]).toEqual([q, 'validation_failed', 'query.proximity']);
    }
  });
});

describe('GET /hsds/taxonomies/{id} and /hsds/taxonomy_terms?top_only&parent_id', () => {
  it('answers a taxonomy by id or key, and 404 for an unknown one', async () => {
    const sdoh = await get('/hsds/taxonomies/sdoh');
    validate('taxonomy.json', sdoh);
    expect(await get(`/hsds/taxonomies/${sdoh.id}`)).toEqual(sdoh);
    const res = await t.app.inject({ method: 'GET', url: '/hsds/taxonomies/3f1f0a8e-0c1b-4f7e-9a51-0b6d0f3e9d11' });
    expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
  });

  it('top_only and parent_id filter the flat taxonomies as flat ones (every term top-level, none a child)', async () => {
    const food = await get('/hsds/taxonomy_terms/food-insecurity');
    expect((await list('/hsds/taxonomy_terms?top_only=true&per_page=100', 'taxonomy_term.json')).total_items).toBe(38);
    expect((await get('/hsds/taxonomy_terms?top_only=true&taxonomy_id=cs')).total_items).toBe(15);
    expect((await get(`/hsds/taxonomy_terms?parent_id=${food.id}`)).total_items).toBe(0);
    expect((await get('/hsds/taxonomy_terms?parent_id=nope')).total_items).toBe(0);
    expect((await problemOf('/hsds/taxonomy_terms?top_only=maybe')).errors[0]!.path).toBe('query.top_only');
  });
});

describe('format', () => {
  it('ndjson streams every item of a list, one JSON object per line, in page order and shape', async () => {
    const org = await newOrg(t.db, { name: 'Stream Org' });
    // More than one read chunk (200 rows).
    await t.db
      .insert(schema.services)
      .values(Array.from({ length: 205 }, (_, i) => ({ organizationId: org.id, name: `Stream ${String(i).padStart(3, '0')}` })));
    const lines = await ndjson(`/hsds/services?organization_id=${org.id}&format=ndjson&page=3&per_page=2`);
    expect(lines.map((x) => x.name)).toEqual(Array.from({ length: 205 }, (_, i) => `Stream ${String(i).padStart(3, '0')}`));
    for (const x of lines) validate('service.json', x);
    const paged = await get(`/hsds/services?organization_id=${org.id}&per_page=100`);
    expect(lines.slice(0, 100)).toEqual(paged.contents);
    const full = await ndjson(
      `/hsds/services?organization_id=${org.id}&format=ndjson&full=true&search=${encodeURIComponent('Stream 007')}`,
    );
    expect(full.map((x) => [x.name, Array.isArray(x.schedules)])).toEqual([['Stream 007', true]]);
    expect(Object.keys((await ndjson(`/hsds/services?organization_id=${org.id}&format=ndjson&minimal=true`))[0]!).sort()).toEqual([
      'id',
      'last_modified',
      'name',
      'status',
    ]);
    expect(await ndjson(`/hsds/services?organization_id=${org.id}&format=ndjson&search=nothing-matches-this`)).toEqual([]);
  });

  it('ndjson works on every list endpoint and each line passes the HSDS JSON Schemas', async () => {
    const org = await newOrg(t.db, { name: 'Ndjson Org' });
    const svc = await newService(t.db, org.id, 'Ndjson Service');
    const loc = await newLocation(t.db, org.id, 'Ndjson site');
    await t.db.insert(schema.serviceLocations).values({ serviceId: svc.id, locationId: loc.id });
    const orgs = await ndjson('/hsds/organizations?search=ndjson%20org&format=ndjson');
    expect(orgs.map((x) => x.id)).toEqual([org.id]);
    validate('organization.json', orgs[0]);
    for (const full of ['false', 'true']) {
      const sals = await ndjson(`/hsds/service_at_locations?organization_id=${org.id}&format=ndjson&full=${full}`);
      expect(sals.map((x) => x.location_id)).toEqual([loc.id]);
      validate('service_at_location.json', sals[0]);
    }
    const terms = await ndjson('/hsds/taxonomy_terms?format=ndjson');
    expect(terms).toHaveLength(38);
    for (const x of terms) validate('taxonomy_term.json', x);
    const taxonomies = await ndjson('/hsds/taxonomies?format=ndjson');
    expect(taxonomies.map((x) => x.name)).toEqual(['Gravity Project SDOH categories', 'Medi-Cal Community Supports']);
    expect((await get('/hsds/taxonomies?format=json')).total_items).toBe(2);
  });

  it('answers 400 problem+json for a format the API does not offer', async () => {
    for (const path of ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms']) {
      const p = await problemOf(`/hsds/${path}?format=xml`);
      expect([path, p.code, p.errors[0]!.path]).toEqual([path, 'validation_failed', 'query.format']);
    }
  });
});

describe('schedules: timezone and exceptions (holiday closures, special hours)', () => {
  it("publish the service's UTC offset and its coming exceptions as one-day schedules that pass the HSDS JSON Schemas", async () => {
    const org = await newOrg(t.db, { name: 'Holiday Hours Org' });
    const svc = await newService(t.db, org.id, 'Holiday Hours Pantry');
    const loc = await newLocation(t.db, org.id, 'Holiday Hours Site');
    await t.db.insert(schema.serviceLocations).values({ serviceId: svc.id, locationId: loc.id });
    await t.db.insert(schema.schedules).values({ serviceId: svc.id, weekday: 1, opensAt: '09:00', closesAt: '17:00' });
    await t.db.insert(schema.scheduleExceptions).values([
      { serviceId: svc.id, date: '2020-12-25', closed: true, reason: 'Long past' },
      { serviceId: svc.id, date: '2099-12-25', closed: true, reason: 'Christmas' },
      { serviceId: svc.id, date: '2099-07-03', closed: false, opensAt: '10:00', closesAt: '13:00', reason: 'Short day' },
    ]);
    const full = await get(`/hsds/services/${svc.id}`);
    validate('service.json', full);
    const [weekly, july, christmas, ...rest] = full.schedules as Body[];
    expect(rest).toEqual([]);
    expect(weekly).toMatchObject({ byday: 'MO', opens_at: '09:00:00', closes_at: '17:00:00' });
    expect([-8, -7]).toContain(weekly!.timezone); // America/Los_Angeles, standard or daylight time today
    expect(july).toMatchObject({
      service_id: svc.id,
      valid_from: '2099-07-03',
      valid_to: '2099-07-03',
      dtstart: '2099-07-03',
      until: '2099-07-03',
      freq: 'WEEKLY',
      byday: 'FR',
      opens_at: '10:00:00',
      closes_at: '13:00:00',
      timezone: -7,
      description: 'Special hours: Short day',
    });
    expect(christmas).toMatchObject({
      valid_from: '2099-12-25',
      valid_to: '2099-12-25',
      byday: 'FR',
      timezone: -8,
      description: 'Closed: Christmas',
    });
    expect(christmas).not.toHaveProperty('opens_at');
    expect(new Set(full.schedules.map((x: Body) => x.id)).size).toBe(3);

    // The same hours in every shape that nests schedules.
    const sal = (await list(`/hsds/service_at_locations?organization_id=${org.id}&full=true`, 'service_at_location.json')).contents[0];
    expect(sal.schedules).toEqual(full.schedules);
    const listed = await list(`/hsds/services?organization_id=${org.id}&full=true`, 'service.json');
    expect(listed.contents[0].schedules).toEqual(full.schedules);
    validate('organization.json', await get(`/hsds/organizations/${org.id}`));
  });
});
