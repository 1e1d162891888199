import { api, type EndpointDef } from '@tandem/contract';
import { testApp, type TestApp } from './testing/app';

// Unknown query parameters are refused, not ignored (issue 23): a typo such as `updatedsince`
// would otherwise quietly return everything. Every GET endpoint of the contract that takes a
// query is called with `?foo=1`, before any credential is looked at.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const RANDOM_ID = '7d1e0c3a-5b2f-4e8a-9c61-3f0a2b4c5d6e';
const withQuery = (Object.values(api) as EndpointDef[]).filter((e) => e.method === 'GET' && e.query);
const urlOf = (e: EndpointDef, query: string) => `${e.path.replace(/\{\w+\}/g, RANDOM_ID)}?${query}`;

it('covers the list endpoints an integrator syncs', () => {
  const ids = withQuery.map((e) => e.operationId);
  expect(ids).toEqual(expect.arrayContaining(['listReferrals', 'listReferralMessages', 'listOrganizations', 'listOrganizationServices', 'listAgreements']));
});

describe.each(withQuery.map((e) => [e.operationId, e] as const))('GET %s', (_name, e) => {
  it('answers ?foo=1 with 400 validation_failed naming the parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: urlOf(e, 'foo=1') });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: expect.arrayContaining([{ path: 'query.foo', code: 'unknown_parameter', params: { name: 'foo' }, message: 'Unknown parameter "foo"' }]) });
  });

  it('still takes its documented page parameters', async () => {
    const shape = (e.query as unknown as { shape: Record<string, unknown> }).shape;
    const known = 'limit' in shape ? 'limit=5' : 'per_page' in shape ? 'page=1&per_page=5' : '';
    const res = await t.app.inject({ method: 'GET', url: urlOf(e, known) });
    // 200, or 401/403/404 for want of a caller or a row; a 400 only for a required filter left out (findClientMatches' name, searchClients' q).
    const errors: { path: string }[] = res.statusCode === 400 ? res.json().errors : [];
    expect(errors.map((x) => x.path).filter((p) => !/^query\.(name|q)$/.test(p))).toEqual([]);
  });
});
