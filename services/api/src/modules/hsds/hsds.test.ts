import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';
import { HSDS, OLD, hsdsRequests, validate, type Body } from './testing';

const EXAMPLE = path.join(HSDS, 'examples/csv');
const ROOT = path.resolve(__dirname, '../../../../..');

const { get, list, ids } = hsdsRequests(() => t.app);

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await testApp();
  const org = await newOrg(t.db);
  admin = await signIn(t.app, (await newUser(t.db, { org, role: 'network_admin' })).email);
});
afterAll(() => t.close());

const readFolder = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]),
  );
/** The official example, with its placeholder latitude 100 (outside -90..90) set to a real one. */
const example = () => {
  const files = readFolder(EXAMPLE);
  files['locations.csv'] = files['locations.csv']!.replace(',100,101,', ',34.05,-118.24,');
  return files;
};
const upload = (files: Record<string, string>, cookie = admin.cookie) => {
  const boundary = '----hsds-test-boundary';
  const body =
    Object.entries(files)
      .map(
        ([name, text]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n`,
      )
      .join('') + `--${boundary}--\r\n`;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/directory/imports',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
};
const counts = async () => {
  const n = async (
    table:
      | typeof schema.organizations
      | typeof schema.services
      | typeof schema.locations
      | typeof schema.serviceLocations
      | typeof schema.schedules
      | typeof schema.contacts,
  ) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  const { organizations, services, locations, serviceLocations, schedules, contacts } = schema;
  return {
    orgs: await n(organizations),
    services: await n(services),
    locations: await n(locations),
    sals: await n(serviceLocations),
    schedules: await n(schedules),
    contacts: await n(contacts),
  };
};

describe('GET /hsds/*', () => {
  it('answers every read endpoint in shapes that pass the HSDS 3.0 JSON Schemas', async () => {
    const org = await newOrg(t.db, {
      name: 'Aaa HSDS Clinic',
      description: 'Primary care',
      phone: '+1 213-555-0100 x12',
      email: 'info@clinic.example',
    });
    const [svc] = await t.db
      .insert(schema.services)
      .values({
        organizationId: org.id,
        name: 'Aaa Food Pantry',
        categories: ['food-insecurity'],
        communitySupport: 'medically_tailored_meals',
        spas: ['spa4'],
        languages: ['en', 'asl'],
        minAge: 18,
        status: 'temporarily_closed',
        phone: '213-555-0199',
      })
      .returning();
    const [loc] = await t.db
      .insert(schema.locations)
      .values({
        organizationId: org.id,
        name: 'Main site',
        address1: '1 Main St',
        city: 'Los Angeles',
        postalCode: '90012',
        latitude: 34.05,
        longitude: -118.24,
        accessibility: 'Ramp',
      })
      .returning();
    await t.db.insert(schema.serviceLocations).values({ serviceId: svc!.id, locationId: loc!.id });
    await t.db.insert(schema.schedules).values({ serviceId: svc!.id, weekday: 1, opensAt: '09:00', closesAt: '17:00' });
    await t.db.insert(schema.contacts).values([
      { organizationId: org.id, serviceId: svc!.id, name: 'Public Person', phone: '213-555-0111' },
      { organizationId: org.id, serviceId: svc!.id, name: 'Hidden Person', isPublic: false },
    ]);

    const services = await list('/hsds/services?search=pantry&full=true', 'service.json');
    expect(services).toMatchObject({ total_items: 1, page_number: 1, first_page: true, last_page: true, empty: false });
    const s = services.contents[0];
    expect(s).toMatchObject({
      status: 'temporarily closed',
      minimum_age: 18,
      schedules: [{ byday: 'MO', freq: 'WEEKLY', opens_at: '09:00:00' }],
    });
    expect(s.contacts.map((c: { name: string }) => c.name)).toEqual(['Public Person']);
    expect(s.languages.map((l: { code: string }) => l.code)).toEqual(['en', 'ase']);
    for (const x of s.service_at_locations) validate('location.json', x.location);
    validate('organization.json', s.organization);
    validate('service.json', await get(`/hsds/services/${svc!.id}`));

    // The list default is the spec's "one-to-one fields": no nested lists, the organization's own fields.
    const summary = (await list('/hsds/services?search=pantry', 'service.json')).contents[0];
    expect(Object.keys(summary).filter((k) => Array.isArray(summary[k]))).toEqual([]);
    expect(summary).toMatchObject({ id: svc!.id, status: 'temporarily closed', organization: { id: org.id, name: 'Aaa HSDS Clinic' } });
    expect(summary.last_modified).toBe(s.last_modified);
    validate('organization.json', summary.organization);
    const minimal = (await list('/hsds/services?search=pantry&minimal=true', 'service.json')).contents[0];
    expect(Object.keys(minimal).sort()).toEqual(['id', 'last_modified', 'name', 'status']);

    const orgs = await list('/hsds/organizations?search=aaa%20hsds&full=true', 'organization.json');
    expect(orgs.contents[0].phones[0]).toMatchObject({ number: '+1 213-555-0100', extension: 12 });
    for (const x of orgs.contents[0].services) validate('service.json', x);
    validate('organization.json', await get(`/hsds/organizations/${org.id}`));
    const sals = await list(`/hsds/service_at_locations?organization_id=${org.id}`, 'service_at_location.json');
    expect(sals.contents[0]).toMatchObject({
      service_id: svc!.id,
      location_id: loc!.id,
      service: { id: svc!.id },
      location: { id: loc!.id },
    });
    validate('location.json', sals.contents[0].location);
    validate('service.json', sals.contents[0].service);
    const fullSals = await list(`/hsds/service_at_locations?organization_id=${org.id}&full=true`, 'service_at_location.json');
    const full = await get(`/hsds/service_at_locations/${sals.contents[0].id}`);
    expect(fullSals.contents[0]).toEqual(full);
    validate('service_at_location.json', full);
    validate('service.json', full.service);
    validate('location.json', full.location);
    expect(full.location.addresses[0].postal_code).toBe('90012');

    const taxonomies = await list('/hsds/taxonomies', 'taxonomy.json');
    for (const x of taxonomies.contents) expect(await get(`/hsds/taxonomies/${x.id}`)).toEqual(x);
    validate('taxonomy.json', await get(`/hsds/taxonomies/${taxonomies.contents[0].id}`));
    const terms = await list('/hsds/taxonomy_terms?per_page=100', 'taxonomy_term.json');
    expect(terms.total_items).toBe(23 + 15);
    const food = terms.contents.find((x: { code: string }) => x.code === 'food-insecurity');
    expect(food.name).toBe('Food Insecurity');
    validate('taxonomy_term.json', await get(`/hsds/taxonomy_terms/${food.id}`));
    await list(`/hsds/taxonomy_terms?top_only=true&parent_id=${food.id}`, 'taxonomy_term.json');
    const tagged = await get(`/hsds/services?taxonomy_term_id=${food.id}`);
    expect(tagged.contents.map((x: { id: string }) => x.id)).toContain(svc!.id);
    expect((await get('/hsds/services?taxonomy_term_id=nope')).total_items).toBe(0);
    const info = await get('/hsds/');
    expect(await get('/hsds')).toEqual(info);
    expect(info.version).toBe('3.0');
  });

  it('the schema check fails on a missing or mistyped required field', () => {
    expect(() => validate('service.json', { id: '3f1f0a8e-0c1b-4f7e-9a51-0b6d0f3e9d11', name: 'x' })).toThrow(/status/);
    expect(() =>
      validate('service.json', { id: '3f1f0a8e-0c1b-4f7e-9a51-0b6d0f3e9d11', name: 'x', status: 'active', minimum_age: '12' }),
    ).toThrow(/number/);
  });

  it('answers /hsds like /hsds/ (the API info), as clients write the base URL without the slash', async () => {
    const info = await get('/hsds/');
    expect(info).toMatchObject({ version: '3.0' });
    expect(await get('/hsds')).toEqual(info);
    expect((await get('/hsds?x=1')).version).toBe('3.0');
  });

  it('finds the shared reference folder beside the repository, wherever the clone is', () => {
    expect(HSDS).toBe(path.resolve(ROOT, '../shared/reference/hsds-3.0'));
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? (e.name === 'node_modules' ? [] : sources(p)) : e.name.endsWith('.ts') ? [p] : [];
      });
    const absolute = sources(path.join(ROOT, 'services/api/src')).filter((f) => /['"`]\/work\//.test(fs.readFileSync(f, 'utf8')));
    expect(absolute).toEqual([]);
  });

  it('answers 404 problem+json for an unknown id and documents the routes under tag HSDS', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/hsds/services/3f1f0a8e-0c1b-4f7e-9a51-0b6d0f3e9d11' });
    expect([res.statusCode, res.json().code]).toEqual([404, 'not_found']);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/hsds/services'].get.tags).toEqual(['HSDS']);
    expect(doc.paths['/hsds/taxonomies/{id}'].get.operationId).toBe('getHsdsTaxonomy');
    const params = (p: string) => doc.paths[p].get.parameters.map((x: { name: string }) => x.name);
    expect(params('/hsds/services')).toEqual(expect.arrayContaining(['modified_after', 'minimal', 'full', 'format', 'taxonomy_id']));
    expect(params('/hsds/service_at_locations')).toEqual(
      expect.arrayContaining(['modified_after', 'full', 'postcode', 'proximity', 'format']),
    );
    expect(params('/hsds/taxonomy_terms')).toEqual(expect.arrayContaining(['top_only', 'parent_id', 'format']));
  });
});

describe('POST /api/v1/directory/imports', () => {
  it('refuses the official example as published: its location latitude 100 is out of range', async () => {
    const before = await counts();
    const res = await upload(readFolder(EXAMPLE));
    expect(res.statusCode).toBe(422);
    expect(res.json().report.errors).toEqual([{ file: 'locations.csv', row: 2, field: 'latitude', problem: 'must be between -90 and 90' }]);
    expect(await counts()).toEqual(before);
  });

  it('imports the example once; a second run changes nothing; one changed name is one update', async () => {
    const first = await upload(example());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 6, updated: 0, unchanged: 0, errors: [] });
    expect(first.json().warnings.map((w: { field: string }) => w.field)).toEqual(expect.arrayContaining(['code', 'organization_id']));
    const after = await counts();
    const second = await upload(example());
    expect(second.json()).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(await counts()).toEqual(after);

    const changed = example();
    changed['services.csv'] = changed['services.csv']!.replace('Community Counselling', 'Community Counseling');
    const third = await upload(changed);
    expect(third.json()).toMatchObject({ created: 0, updated: 1, unchanged: 5, tables: { services: { updated: 1 } } });
    const svc = await t.app.inject({ method: 'GET', url: '/hsds/services?search=Counseling&full=true' });
    expect(svc.json().contents[0]).toMatchObject({ name: 'Community Counseling', schedules: [{ byday: 'TH' }, { byday: 'FR' }] });
  });

  it('a re-import that changes only hours makes the service modified (schedules have no updated_at of their own)', async () => {
    // A copy of the example under new ids, so it touches no other test's rows.
    const fresh = new Map<string, string>();
    const dataset = Object.fromEntries(
      Object.entries(example()).map(([name, text]) => [
        name,
        text.replace(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
          (id) => fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!,
        ),
      ]),
    );
    expect((await upload(dataset)).statusCode).toBe(200);
    for (const table of [schema.organizations, schema.services, schema.locations, schema.contacts])
      await t.db.update(table).set({ updatedAt: OLD });
    expect(await ids('/hsds/services?modified_after=2021-01-01T00:00:00Z')).toEqual([]);

    dataset['schedules.csv'] = dataset['schedules.csv']!.replace('"TH,FR"', 'TH');
    const report = (await upload(dataset)).json();
    expect(report.tables).toMatchObject({ services: { updated: 0 }, schedules: { updated: 1 } });
    const changed = await get('/hsds/services?modified_after=2021-01-01T00:00:00Z&full=true');
    expect(changed.contents.map((x: Body) => [x.name, x.schedules.map((d: Body) => d.byday)])).toEqual([['Community Counselling', ['TH']]]);
  });

  it('lists every bad row and writes nothing', async () => {
    const files = example();
    files['organizations.csv'] = files['organizations.csv']!.replace('Example Organization Inc.', '');
    files['services.csv'] = files['services.csv']!.replace(
      'ac148810-d857-441c-9679-408f346de14b,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
      'ac148810-d857-441c-9679-408f346de14b,00000000-0000-4000-8000-000000000000',
    );
    files['locations.csv'] = files['locations.csv']!.replace(',34.05,', ',200,');
    const before = await counts();
    const res = await upload(files);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().report.errors).toEqual(
      expect.arrayContaining([
        { file: 'organizations.csv', row: 2, field: 'name', problem: 'is required' },
        { file: 'services.csv', row: 2, field: 'organization_id', problem: 'refers to no organization in the dataset or directory' },
        { file: 'locations.csv', row: 2, field: 'latitude', problem: 'must be between -90 and 90' },
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['no boundary', 'multipart/form-data', '--b\r\ncontent-disposition: form-data; name="a.csv"; filename="a.csv"\r\n\r\nid\r\n--b--\r\n'],
    ['no closing boundary', 'multipart/form-data; boundary=b', '--b\r\ncontent-disposition: form-data; name="a.csv"; filename="a.csv"\r\n\r\nid,name\n1,a'],
    ['truncated part headers', 'multipart/form-data; boundary=b', '--b\r\ncontent-disposition: form-da'],
  ])('answers a malformed multipart body (%s) with 400 malformed_multipart, not 500 (fuzz seed 20260022, multipart:admin:POST /api/v1/directory/imports:no-boundary)', async (_name, type, payload) => {
    const before = await counts();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/directory/imports', headers: { cookie: admin.cookie, 'content-type': type }, payload });
    expect([res.statusCode, res.headers['content-type'], res.json().code]).toEqual([400, expect.stringMatching(/^application\/problem\+json/), 'malformed_multipart']);
    expect(await counts()).toEqual(before);
  });

  it('reports a file that is not CSV (a quote never closed) as a bad row, 422 problem+json, nothing written', async () => {
    const files = example();
    files['organizations.csv'] = `${files['organizations.csv']!.trimEnd()}\r\n${randomUUID()},"Never closed\r\n`;
    const before = await counts();
    const res = await upload(files);
    expect([res.statusCode, res.headers['content-type']]).toEqual([422, expect.stringMatching(/^application\/problem\+json/)]);
    expect(res.json().report.errors).toEqual([
      { file: 'organizations.csv', row: 3, field: '', problem: expect.stringMatching(/^is not valid CSV: .*quote/i) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reads a stray quote inside an unquoted field as a character, not as the start of a quoted field', async () => {
    const files = example();
    // Fresh ids so the rows are this test's own; the organization's name gains a stray quote.
    const fresh = new Map<string, string>();
    for (const [name, text] of Object.entries(files))
      files[name] = text.replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        (id) => fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!,
      );
    files['organizations.csv'] = files['organizations.csv']!.replace('Example Organization Inc.', 'Example 5" Screens Inc.');
    const res = await upload(files);
    expect([res.statusCode, res.json().errors]).toEqual([200, []]);
    const orgs = await t.db
      .select({ name: schema.organizations.name })
      .from(schema.organizations)
      .where(sql`name like '%Screens%'`);
    expect(orgs).toEqual([{ name: 'Example 5" Screens Inc.' }]);
  });

  it('is for network admins only: 401 anonymous, 403 staff', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/imports',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(anon.statusCode).toBe(401);
    const staff = await signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role: 'staff' })).email);
    expect((await upload(example(), staff.cookie)).statusCode).toBe(403);
  });
});

describe('GET /api/v1/directory/export', () => {
  it('exports the directory in tabular form that re-imports with no changes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/directory/export', headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsds-export-'));
    for (const [name, text] of Object.entries(res.json().files as Record<string, string>)) fs.writeFileSync(path.join(dir, name), text);
    const before = await counts();
    const again = await upload(readFolder(dir));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] });
    expect(again.json().unchanged).toBeGreaterThan(5);
    expect(await counts()).toEqual(before);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses anonymous callers and staff', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/directory/export' })).statusCode).toBe(401);
    const staff = await signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role: 'staff' })).email);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/directory/export', headers: staff })).statusCode).toBe(403);
  });
});

describe('pnpm hsds:import', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv) =>
    spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'services/api/src/cli/hsds-import.ts'), ...args], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints how to run it without a folder, and refuses one that is not there', () => {
    const r = cli([], {});
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/pnpm hsds:import \[--dry-run\] <folder or file\.zip>/);
    const missing = cli([path.join(os.tmpdir(), `no-such-folder-${randomUUID()}`)], {});
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/is not a folder/)]);
  });

  it('imports a folder end to end and reports bad rows with exit code 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsds-cli-'));
    for (const [name, text] of Object.entries(example()))
      fs.writeFileSync(
        path.join(dir, name),
        text.replaceAll('ac148810-d857-441c-9679-408f346de14b', 'ac148810-d857-441c-9679-408f346de15c'),
      );
    // A file it does not read is reported (stderr and the report), not ignored in silence.
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not HSDS');
    const dry = cli(['--dry-run', dir], { DATABASE_URL: t.url });
    expect([dry.status, JSON.parse(dry.stdout)]).toEqual([0, expect.objectContaining({ dryRun: true, tables: expect.objectContaining({ services: { created: 1, updated: 0, unchanged: 0 } }) })]);
    const ok = cli([dir], { DATABASE_URL: t.url });
    expect([ok.status, ok.stderr]).toEqual([0, expect.stringContaining('Skipped notes.txt (unrecognized_file)')]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ dryRun: false, errors: [], tables: { services: { created: 1 } } });
    expect(JSON.parse(ok.stdout).skippedFiles).toEqual(
      expect.arrayContaining([
        { file: 'notes.txt', code: 'unrecognized_file', reason: expect.any(String) },
        { file: 'programs.csv', code: 'not_imported', reason: expect.any(String) },
      ]),
    );
    fs.writeFileSync(path.join(dir, 'locations.csv'), example()['locations.csv']!.replace(',34.05,', ',200,'));
    const bad = cli([dir], { DATABASE_URL: t.url });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/latitude/);
    fs.rmSync(dir, { recursive: true });
  });
});
