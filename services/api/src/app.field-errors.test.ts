import { testApp, type TestApp } from './testing/app';
import { world } from './modules/referrals/testing';

// Issue 24: every errors[] item carries a stable code (not zod's wording, not its issue codes),
// so clients translate by code; `Accept-Language: es` answers the messages in Spanish.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const signedAt = () => new Date(Date.now() - 60_000).toISOString();

describe('validation errors carry stable codes', () => {
  it('names each field problem by code with its params', async () => {
    const w = await world(t);
    const res = await w.chw.call('POST', `/api/v1/clients/${w.client.id}/consents`, {
      scope: 'listed_orgs',
      method: 'verbal_witnessed',
      signedAt: signedAt(),
      documentUrl: 'not a url',
      witnessName: 'x'.repeat(121),
    });
    expect(res.status).toBe(400);
    const byPath = Object.fromEntries((res.body.errors as { path: string; code: string; params?: unknown }[]).map((e) => [e.path, [e.code, e.params]]));
    expect(byPath).toMatchObject({
      'body.witnessName': ['too_long', { max: 120 }],
      'body.documentUrl': ['invalid_format', expect.anything()],
    });
  });

  it('names cross-field rules by their own code, and answers them in Spanish for Accept-Language: es', async () => {
    const w = await world(t);
    const body = { scope: 'listed_orgs', method: 'verbal_witnessed', signedAt: signedAt() };
    const en = await w.chw.call('POST', `/api/v1/clients/${w.client.id}/consents`, body);
    const es = await w.chw.call('POST', `/api/v1/clients/${w.client.id}/consents`, body, { 'accept-language': 'es' });
    const pick = (r: typeof en) => (r.body.errors as { path: string; code: string; message: string }[]).map(({ path, code, message }) => [path, code, message]).sort();
    expect(pick(en)).toEqual([
      ['body.organizationIds', 'consent.organizations_required', 'List at least one organization'],
      ['body.witnessName', 'consent.witness_required', 'Name the witness of a verbal consent'],
    ]);
    expect(pick(es)).toEqual([
      ['body.organizationIds', 'consent.organizations_required', 'Indique al menos una organización'],
      ['body.witnessName', 'consent.witness_required', 'Indique el nombre del testigo del consentimiento verbal'],
    ]);
  });

  it('maps a too-short text to too_short with min, and an empty required one to required', async () => {
    const w = await world(t);
    const res = await w.chw.call('GET', '/api/v1/clients/matches?name=a', undefined, { 'accept-language': 'es' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'query.name', code: 'too_short', params: { min: 2 }, message: 'Demasiado corto (mínimo 2)' });
  });
});

describe('the send checklist', () => {
  it('gives each missing item a stable code and a Spanish message for Accept-Language: es', async () => {
    const w = await world(t);
    const d = await w.draft({ reason: null });
    const res = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version }, { 'accept-language': 'es' });
    expect([res.status, res.body.code]).toEqual([422, 'packet_incomplete']);
    expect(res.body.missing).toEqual([{ field: 'reason', code: 'packet.reason', message: 'Explique por qué refiere al cliente' }]);
    expect(res.body.errors).toEqual([{ path: 'reason', code: 'missing', message: 'Explique por qué refiere al cliente' }]);
  });
});
