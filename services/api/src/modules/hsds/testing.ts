import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { schema, type DbOrTx } from '@tandem/db';

// Shared by this module's tests: the HSDS 3.0 JSON Schemas as validators, request helpers that
// check every answer against them, and small factories for directory rows.
// The shared folder lies beside the clone (../shared from the repository root), wherever that is.
export const HSDS = path.resolve(__dirname, '../../../../..', '../shared/reference/hsds-3.0');

// The HSDS JSON Schemas declare no $schema: draft-07 (Ajv's default). Their extra keywords
// (constraints, example, core...) are annotations, so strict mode is off; formats are checked.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
for (const f of fs.readdirSync(path.join(HSDS, 'schema'))) {
  if (f === 'openapi.json') continue;
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(HSDS, 'schema', f), 'utf8')), f);
}
const page = JSON.parse(fs.readFileSync(path.join(HSDS, 'schema/openapi.json'), 'utf8')).components.schemas.Page;
const pageValidator = ajv.compile({ ...page, required: Object.keys(page.properties) });

/** Throws with Ajv's message unless `value` passes `schemaFile` (e.g. 'service.json'). */
export const validate = (schemaFile: string, value: unknown) => {
  const v = ajv.getSchema(schemaFile) as ValidateFunction;
  if (!v(value)) throw new Error(`${schemaFile}: ${ajv.errorsText(v.errors)}`);
};

// HSDS bodies are checked by the JSON Schemas; here they are loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export const hsdsRequests = (app: () => FastifyInstance) => {
  const get = async (url: string): Promise<Body> => {
    const res = await app().inject({ method: 'GET', url });
    expect([url, res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([url, 200, '']);
    return res.json<Body>();
  };
  /** A page whose envelope passes the spec's Page schema and whose every item passes `item`'s JSON Schema. */
  const list = async (url: string, item: string) => {
    const body = await get(url);
    if (!pageValidator(body)) throw new Error(`${url}: ${ajv.errorsText(pageValidator.errors)}`);
    for (const x of body.contents) validate(item, x);
    return body;
  };
  const ids = async (url: string): Promise<string[]> => (await get(url)).contents.map((x: { id: string }) => x.id);
  const problemOf = async (url: string) => {
    const res = await app().inject({ method: 'GET', url });
    expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 400, expect.stringMatching(/^application\/problem\+json/)]);
    return res.json<{ code: string; errors: { path: string }[] }>();
  };
  /** A format=ndjson answer: its lines, parsed. */
  const ndjson = async (url: string) => {
    const res = await app().inject({ method: 'GET', url });
    expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 200, 'application/x-ndjson; charset=utf-8']);
    expect(res.body === '' || res.body.endsWith('\n')).toBe(true);
    return res.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Body);
  };
  return { get, list, ids, problemOf, ndjson };
};

export const OLD = new Date('2020-01-01T00:00:00Z');

export const newService = async (db: DbOrTx, organizationId: string, name: string) =>
  (await db.insert(schema.services).values({ organizationId, name }).returning())[0]!;

export const newLocation = async (
  db: DbOrTx,
  organizationId: string,
  name: string,
  over: Partial<typeof schema.locations.$inferInsert> = {},
) =>
  (
    await db
      .insert(schema.locations)
      .values({ organizationId, name, address1: '1 Test St', city: 'Testville', postalCode: '00000', ...over })
      .returning()
  )[0]!;
