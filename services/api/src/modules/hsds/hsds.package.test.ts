import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';
import { HSDS } from './testing';

// The directory as one zipped HSDS tabular data package (issue 23): download, upload, dry run,
// and files the import does not read reported with a code instead of dropped in silence.

const EXAMPLE = path.join(HSDS, 'examples/csv');
const REFERENCE = JSON.parse(fs.readFileSync(path.join(HSDS, 'datapackage.json'), 'utf8'));

let t: TestApp;
let fresh: TestApp;
let admin: { cookie: string };
let freshAdmin: { cookie: string };
beforeAll(async () => {
  [t, fresh] = await Promise.all([testApp(), testApp()]);
  const home = await newOrg(t.db);
  admin = await signIn(t.app, (await newUser(t.db, { org: home, role: 'network_admin' })).email);
  // The fresh database's admin needs an organization to belong to: the same one (same id and
  // fields), so that it is one of the package's rows and the fresh export has nothing more.
  const { createdAt: _c, updatedAt: _u, version: _v, ...same } = home;
  freshAdmin = await signIn(fresh.app, (await newUser(fresh.db, { org: await newOrg(fresh.db, same), role: 'network_admin' })).email);
  // The official example (its latitude 100 corrected) under new ids, as the directory to export.
  const ids = new Map<string, string>();
  const files = Object.fromEntries(
    fs
      .readdirSync(EXAMPLE)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [
        f,
        fs
          .readFileSync(path.join(EXAMPLE, f), 'utf8')
          .replace(',100,101,', ',34.05,-118.24,')
          .replace(
            /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
            (id) => ids.get(id) ?? ids.set(id, randomUUID()).get(id)!,
          ),
      ]),
  );
  const res = await upload(t.app, csvParts(files));
  expect(res.statusCode).toBe(200);
}, 60_000);
afterAll(async () => {
  await Promise.all([t?.close(), fresh?.close()]);
});

type Part = { name: string; data: Buffer | string; type?: string };
const csvParts = (files: Record<string, string>): Part[] => Object.entries(files).map(([name, data]) => ({ name, data }));
const zipPart = (entries: Record<string, string | Uint8Array>, name = 'package.zip'): Part => {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(entries)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return { name, data: Buffer.from(zipSync(z)), type: 'application/zip' };
};
const upload = (app: FastifyInstance, parts: Part[], { cookie = admin.cookie, query = '' } = {}) => {
  const boundary = `----hsds-package-${randomUUID()}`;
  const payload = Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.name}"\r\nContent-Type: ${p.type ?? 'text/csv'}\r\n\r\n`,
      ),
      Buffer.from(p.data),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/directory/imports${query}`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
};
const download = async (app: FastifyInstance, cookie = admin.cookie) => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/directory/export/package', headers: { cookie } });
  expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/zip']);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tandem-hsds-\d{4}-\d{2}-\d{2}\.zip"$/);
  return {
    raw: res.rawPayload,
    entries: Object.fromEntries(Object.entries(unzipSync(new Uint8Array(res.rawPayload))).map(([k, v]) => [k, strFromU8(v)])),
  };
};
const csvsOf = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).filter(([k]) => k.endsWith('.csv')));
const counts = async (db: TestApp['db']) => ({
  orgs: (await db.select().from(schema.organizations)).length,
  services: (await db.select().from(schema.services)).length,
  locations: (await db.select().from(schema.locations)).length,
});

describe('GET /api/v1/directory/export/package', () => {
  it('is a zip of datapackage.json and the CSV files of the JSON export', async () => {
    const { entries } = await download(t.app);
    const json = (await t.app.inject({ method: 'GET', url: '/api/v1/directory/export', headers: { cookie: admin.cookie } })).json();
    expect(csvsOf(entries)).toEqual(json.files);
    expect(Object.keys(entries).sort()).toEqual(['datapackage.json', ...Object.keys(json.files)].sort());
  });

  it('describes every CSV as HSDS 3.0 does: same resource names, fields in header order, types, formats, keys', async () => {
    const { entries } = await download(t.app);
    const pkg = JSON.parse(entries['datapackage.json']!);
    expect(pkg).toMatchObject({ profile: 'tabular-data-package', name: 'human_services_data', created: expect.any(String) });
    const csvs = Object.keys(csvsOf(entries));
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(csvs.sort());
    const refOf = new Map(REFERENCE.resources.map((r: { path: string }) => [r.path, r]));
    const names = new Set(pkg.resources.map((r: { name: string }) => r.name));
    for (const r of pkg.resources) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const ref = refOf.get(r.path) as any;
      expect([r.path, r.name, r.format, r.mediatype, r.profile, r.schema.primaryKey]).toEqual([
        r.path,
        ref.name,
        'csv',
        'text/csv',
        'tabular-data-resource',
        ref.schema.primaryKey,
      ]);
      const header = entries[r.path]!.split('\r\n')[0]!.split(',');
      expect([r.path, r.schema.fields.map((f: { name: string }) => f.name)]).toEqual([r.path, header]);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const shape = (f: any) => ({ name: f.name, type: f.type, format: f.format, constraints: f.constraints });
      expect(r.schema.fields.map(shape)).toEqual(ref.schema.fields.map(shape));
      // Foreign keys are the reference's, less those to resources not in the package.
      const fks = (ref.schema.foreignKeys ?? []).filter((k: { reference: { resource: string } }) => names.has(k.reference.resource));
      expect(r.schema.foreignKeys ?? []).toEqual(fks);
    }
  });

  it('imports into a fresh database, and that database exports the same CSV files', async () => {
    const a = await download(t.app);
    const imported = await upload(fresh.app, [{ name: 'package.zip', data: a.raw, type: 'application/zip' }], {
      cookie: freshAdmin.cookie,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ dryRun: false, errors: [], updated: 0 });
    expect(imported.json().created).toBeGreaterThan(5);
    const b = await download(fresh.app, freshAdmin.cookie);
    expect(csvsOf(b.entries)).toEqual(csvsOf(a.entries));
  });

  it('re-imported into the same database changes nothing, and exports the same files again', async () => {
    const a = await download(t.app);
    const before = await counts(t.db);
    const again = await upload(t.app, [{ name: 'package.zip', data: a.raw, type: 'application/zip' }]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] });
    // Every file of the package is read but taxonomies.csv (Tandem's taxonomies are fixed), which is said.
    expect(again.json().skippedFiles).toEqual([
      { file: 'package.zip/taxonomies.csv', code: 'not_imported', reason: expect.stringMatching(/fixed/) },
    ]);
    expect(await counts(t.db)).toEqual(before);
    expect(csvsOf((await download(t.app)).entries)).toEqual(csvsOf(a.entries));
  });

  it('is documented as a zip download, and the import as taking a dry run', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ok = doc.paths['/api/v1/directory/export/package'].get.responses['200'];
    expect(Object.keys(ok.content)).toEqual(['application/zip']);
    expect(ok.headers['Content-Disposition']).toEqual({ $ref: '#/components/headers/ContentDisposition' });
    const params = doc.paths['/api/v1/directory/imports'].post.parameters.map((x: { name: string }) => x.name);
    expect(params).toContain('dryRun');
    expect(Object.keys(doc.paths['/api/v1/directory/imports'].post.requestBody.content)).toEqual(['multipart/form-data']);
  });

  it('is for network admins and the collaboration team, as the JSON export: 401 anonymous, 403 staff', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/directory/export/package' })).statusCode).toBe(401);
    const staff = await signIn(t.app, (await newUser(t.db, { org: await newOrg(t.db), role: 'staff' })).email);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/directory/export/package', headers: staff });
    expect([res.statusCode, res.headers['content-type']]).toEqual([403, expect.stringMatching(/^application\/problem\+json/)]);
  });
});

describe('POST /api/v1/directory/imports: files it does not read, zips, dry runs', () => {
  const org = (id = randomUUID(), name = 'Skipped Files Org') => `id,name\r\n${id},${name}\r\n`;

  it('reports every file it does not read with a stable code (CSV uploads)', async () => {
    const res = await upload(t.app, [
      { name: 'organizations.csv', data: org() },
      { name: 'notes.txt', data: 'hello', type: 'text/plain' },
      { name: 'programs.csv', data: 'id,organization_id,name\r\n' },
      { name: 'organisations.csv', data: org() },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ files: ['organizations.csv'], created: 1 });
    expect(res.json().skippedFiles).toEqual([
      { file: 'notes.txt', code: 'unrecognized_file', reason: expect.any(String) },
      { file: 'programs.csv', code: 'not_imported', reason: expect.any(String) },
      { file: 'organisations.csv', code: 'unrecognized_file', reason: expect.any(String) },
    ]);
  });

  it('reads a zip whose files sit in a folder, and reports its other entries and a second copy of a file', async () => {
    const id = randomUUID();
    const res = await upload(
      t.app,
      [
        zipPart({
          'export/datapackage.json': '{"profile":"tabular-data-package","resources":[]}',
          'export/organizations.csv': org(id, 'Zipped Org'),
          'export/old/organizations.csv': org(randomUUID(), 'Older Copy'),
          'export/__MACOSX/._organizations.csv': 'junk',
          'export/README.md': '# readme',
        }),
      ],
      { query: '?dryRun=true' },
    );
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: true, files: ['organizations.csv'], created: 1, errors: [] });
    expect(report.skippedFiles).toEqual(
      expect.arrayContaining([
        { file: expect.stringMatching(/organizations\.csv$/), code: 'duplicate_file', reason: expect.any(String) },
        { file: 'package.zip/export/__MACOSX/._organizations.csv', code: 'unrecognized_file', reason: expect.any(String) },
        { file: 'package.zip/export/README.md', code: 'unrecognized_file', reason: expect.any(String) },
      ]),
    );
    expect(report.skippedFiles).toHaveLength(3);
  });

  it('with only files it does not read: 400 naming each, nothing written', async () => {
    const res = await upload(t.app, [{ name: 'notes.txt', data: 'hello' }]);
    expect([res.statusCode, res.json().code, res.json().errors]).toEqual([
      400,
      'validation_failed',
      [expect.objectContaining({ path: 'notes.txt', message: expect.stringMatching(/^unrecognized_file: /) })],
    ]);
  });

  it('a dry run writes nothing and counts what the import then does', async () => {
    const files = [{ name: 'organizations.csv', data: org(randomUUID(), 'Dry Run Org') }];
    const before = await counts(t.db);
    const dry = await upload(t.app, files, { query: '?dryRun=true' });
    expect(dry.statusCode).toBe(200);
    expect(await counts(t.db)).toEqual(before);
    const real = await upload(t.app, files);
    const { dryRun: _d, ...dryCounts } = dry.json();
    const { dryRun: _r, ...realCounts } = real.json();
    expect([dry.json().dryRun, real.json().dryRun, dryCounts]).toEqual([true, false, realCounts]);
    expect(await counts(t.db)).toEqual({ ...before, orgs: before.orgs + 1 });
  });

  it('a dry run with bad rows answers 200 with them in the report (the real import answers 422)', async () => {
    const files = [{ name: 'organizations.csv', data: `id,name\r\n${randomUUID()},\r\n` }];
    const dry = await upload(t.app, files, { query: '?dryRun=true' });
    expect([dry.statusCode, dry.json().dryRun, dry.json().errors]).toEqual([
      200,
      true,
      [{ file: 'organizations.csv', row: 2, field: 'name', problem: 'is required' }],
    ]);
    const real = await upload(t.app, files);
    expect([real.statusCode, real.json().report.skippedFiles]).toEqual([422, []]);
  });

  it('refuses an unknown query parameter and a dryRun that is not a boolean', async () => {
    const files = [{ name: 'organizations.csv', data: org() }];
    for (const q of ['?dry_run=true', '?dryRun=maybe']) {
      const res = await upload(t.app, files, { query: q });
      expect([q, res.statusCode, res.json().code]).toEqual([q, 400, 'validation_failed']);
    }
  });

  it.each([
    ['not a zip at all', Buffer.from('this is not a zip')],
    ['a truncated zip', Buffer.from(zipSync({ 'organizations.csv': strToU8(org()) })).subarray(0, 40)],
    [
      'a zip whose central directory is garbage',
      Buffer.concat([Buffer.from(zipSync({ 'a.csv': strToU8('x') })).subarray(0, 60), Buffer.alloc(30, 0xff)]),
    ],
  ])('answers %s with 400 malformed_archive, not 500', async (_n, data) => {
    const before = await counts(t.db);
    const res = await upload(t.app, [{ name: 'package.zip', data, type: 'application/zip' }]);
    expect([res.statusCode, res.headers['content-type'], res.json().code]).toEqual([
      400,
      expect.stringMatching(/^application\/problem\+json/),
      'malformed_archive',
    ]);
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses a zip that declares more than the limit unpacked (413), before inflating it', async () => {
    const zip = Buffer.from(zipSync({ 'organizations.csv': strToU8(org()) }));
    // The central directory's "uncompressed size" says 3.75 GB.
    zip.writeUInt32LE(0xf0000000, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const res = await upload(t.app, [{ name: 'package.zip', data: zip, type: 'application/zip' }]);
    expect([res.statusCode, res.json().code]).toEqual([413, 'payload_too_large']);
  });
});
