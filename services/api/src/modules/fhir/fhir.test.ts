import { randomUUID } from 'node:crypto';
import { newOrg } from '@tandem/db/testing';
import { apiKey, testApp, type TestApp } from '../../testing/app';
import { world } from '../referrals/testing';

// Issue 27's FHIR facade as an integrator uses it: an API key reads a referral as FHIR, pages a
// search, and moves the Task by PATCH through the referral state machine.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const PATCH = { 'content-type': 'application/json-patch+json' };
const READ_WRITE = ['referrals:read', 'referrals:write', 'directory:read'];

describe('/fhir as an integrator with an API key', () => {
  it('reads a referral as Task, ServiceRequest and Patient, with ETag and fhir+json', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const task = await key('GET', `/fhir/Task/${r.id}`);
    expect(task.status).toBe(200);
    expect(task.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(task.headers.etag).toBe(`W/"${r.version}"`);
    expect(task.body).toMatchObject({
      resourceType: 'Task',
      id: r.id,
      status: 'requested',
      intent: 'order',
      code: { coding: [{ code: 'fulfill' }] },
      focus: { reference: `ServiceRequest/${r.id}` },
      for: { reference: `Patient/${w.client.id}` },
      requester: { reference: `Organization/${w.clinic.id}` },
      owner: { reference: `Organization/${w.cbo.id}` },
      meta: { versionId: String(r.version), profile: ['http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement'] },
    });
    const sr = await key('GET', `/fhir/ServiceRequest/${r.id}`);
    expect(sr.status).toBe(200);
    expect(sr.body.category.map((c: { coding: { code: string }[] }) => c.coding[0]!.code)).toContain('food-insecurity');
    expect(sr.body.supportingInfo).toEqual([{ reference: `Consent/${w.consent.id}` }]);
    const patient = await key('GET', `/fhir/${sr.body.subject.reference}`);
    expect(patient.status).toBe(200);
    expect(patient.body).toMatchObject({ resourceType: 'Patient', id: w.client.id });
    const consent = await key('GET', `/fhir/Consent/${w.consent.id}`);
    expect([consent.status, consent.body.resourceType]).toEqual([200, 'Consent']);
    const org = await key('GET', `/fhir/Organization/${w.cbo.id}`);
    expect([org.status, org.body.name]).toEqual([200, 'Boyle Heights Pantry']);
    const svc = await key('GET', `/fhir/HealthcareService/${w.service.id}`);
    expect([svc.status, svc.body.providedBy]).toEqual([200, { reference: `Organization/${w.cbo.id}` }]);
  });

  it('an outsider gets exactly what a random id gets; no key gets 401; a key without the scope 403', async () => {
    const w = await world(t);
    const r = await w.sent();
    const outsider = await apiKey(t, w.other, READ_WRITE);
    for (const path of [`/fhir/Task/${r.id}`, `/fhir/ServiceRequest/${r.id}`, `/fhir/Patient/${w.client.id}`, `/fhir/Consent/${w.consent.id}`]) {
      const theirs = await outsider('GET', path);
      const random = await outsider('GET', path.replace(/[^/]+$/, randomUUID()));
      expect([path, theirs.status]).toEqual([path, 404]);
      expect(theirs.body).toEqual(random.body);
      expect(theirs.body.resourceType).toBe('OperationOutcome');
    }
    // Nor does a search find it, nor can a PATCH touch it (the same 404).
    const found = await outsider('GET', `/fhir/Task?_id=${r.id}`);
    expect([found.status, found.body.entry]).toEqual([200, []]);
    const patched = await outsider('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { ...PATCH, 'if-match': `W/"${r.version}"` });
    expect([patched.status, patched.body]).toEqual([404, (await outsider('PATCH', `/fhir/Task/${randomUUID()}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { ...PATCH, 'if-match': 'W/"1"' })).body]);
    const anon = await t.app.inject({ method: 'GET', url: `/fhir/Task/${r.id}` });
    expect([anon.statusCode, JSON.parse(anon.body).resourceType]).toEqual([401, 'OperationOutcome']);
    const noScope = await apiKey(t, w.cbo, ['directory:read']);
    expect((await noScope('GET', `/fhir/Task/${r.id}`)).status).toBe(403);
    const readOnly = await apiKey(t, w.cbo, ['referrals:read']);
    expect((await readOnly('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { ...PATCH, 'if-match': `W/"${r.version}"` })).status).toBe(403);
  });

  it('searches Task by status, owner, requester and _lastUpdated, paging with next links without repeats or gaps', async () => {
    const w = await world(t);
    const ids = [];
    // Different needs: the duplicate guard refuses a second open referral for the same need.
    for (const need of ['food-insecurity', 'housing-instability', 'transportation-insecurity', 'utility-insecurity', 'stress']) ids.push((await w.sent({ needs: [need] })).id);
    const draft = await w.draft();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const seen: string[] = [];
    let url: string | undefined = `/fhir/Task?status=requested&owner=Organization/${w.cbo.id}&_count=2`;
    let pages = 0;
    while (url) {
      const res: { status: number; body: { link: { relation: string; url: string }[]; entry: { resource: { id: string } }[] } } = await key('GET', url);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
      seen.push(...res.body.entry.map((e) => e.resource.id));
      const next = res.body.link.find((l) => l.relation === 'next');
      url = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
      pages++;
      // A change between pages moves nothing: the order is by creation.
      if (pages === 1) await w.cboStaff.call('GET', `/api/v1/referrals/${ids[4]}`);
    }
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...ids].sort());
    // The receiver never sees the sender's draft; the sender does, as a draft Task.
    const chwDrafts = await w.chw.call('GET', `/fhir/Task?status=draft&requester=Organization/${w.clinic.id}`);
    expect(chwDrafts.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(draft.id);
    expect((await key('GET', `/fhir/Task?_id=${draft.id}`)).body.entry).toEqual([]);
    const later = await key('GET', `/fhir/Task?_lastUpdated=gt${new Date(Date.now() + 60_000).toISOString()}`);
    expect(later.body.entry).toEqual([]);
    // A date alone is the whole day: today's changes are not after today, and are within it.
    const today = new Date().toISOString().slice(0, 10);
    expect((await key('GET', `/fhir/Task?_lastUpdated=gt${today}`)).body.entry).toEqual([]);
    expect((await key('GET', `/fhir/Task?_lastUpdated=ge${today}&_lastUpdated=le${today}&_count=100`)).body.entry).toHaveLength(5);
    const srs = await key('GET', `/fhir/ServiceRequest?_id=${ids.join(',')}`);
    expect(srs.body.entry).toHaveLength(5);
  });

  it('answers bad searches with a 400 OperationOutcome; unknown parameters are ignored only with handling=lenient', async () => {
    const w = await world(t);
    await w.sent();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    for (const q of ['status=bogus', '_count=0', '_count=abc', '_lastUpdated=2026-01-01', '_lastUpdated=eq2026-01-01', 'owner=Patient/x', 'color=blue', '_cursor=nonsense']) {
      const res = await key('GET', `/fhir/Task?${q}`);
      expect([q, res.status, res.body.resourceType]).toEqual([q, 400, 'OperationOutcome']);
    }
    const lenient = await key('GET', '/fhir/Task?color=blue', undefined, { prefer: 'handling=lenient' });
    expect(lenient.status).toBe(200);
    expect(lenient.body.link[0].url).not.toContain('color');
    expect((await key('GET', '/fhir/Patient')).status).toBe(400);
    for (const [method, url] of [['GET', '/fhir/Observation/1'], ['GET', `/fhir/Task/${randomUUID()}/history`], ['GET', '/fhir'], ['GET', '/fhir/'], ['DELETE', '/fhir/Task/1'], ['PUT', '/fhir/Task/1']] as const) {
      const res = await key(method, url);
      expect([method, url, res.status, res.body.resourceType]).toEqual([method, url, 404, 'OperationOutcome']);
    }
  });

  it('moves a Task from requested to accepted by PATCH with If-Match, and the web timeline shows it', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const read = await key('GET', `/fhir/Task/${r.id}`);
    const res = await key('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { ...PATCH, 'if-match': read.headers.etag as string });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ resourceType: 'Task', status: 'accepted', meta: { versionId: String(r.version + 1) } });
    expect(res.headers.etag).toBe(`W/"${r.version + 1}"`);
    const detail = await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    expect(detail.body.status).toBe('accepted');
    const timeline = await w.chw.call('GET', `/api/v1/referrals/${r.id}/timeline`);
    expect(timeline.body.data).toContainEqual(expect.objectContaining({ kind: 'event', fromStatus: 'sent', toStatus: 'accepted', actor: expect.objectContaining({ kind: 'api_key', organizationId: w.cbo.id }) }));
    // The same outbox event as the REST transition.
    const events = await t.db.execute<{ event: string }>(`select event from outbox where payload->>'referralId' = '${r.id}' and payload->>'to' = 'accepted'`);
    expect(events.rows.map((e) => e.event)).toEqual(['referral.status_changed']);
  });

  it('acknowledges by businessStatus, and declines with a reason coding and text', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const ack = await key('PATCH', `/fhir/Task/${r.id}`, [{ op: 'add', path: '/businessStatus', value: { coding: [{ code: 'acknowledged' }] } }], { ...PATCH, 'if-match': `W/"${r.version}"` });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'requested', businessStatus: { coding: [{ code: 'acknowledged' }] } });
    const reason = { coding: [{ system: 'https://tandem.health/fhir/CodeSystem/referral-closure-reason', code: 'no_capacity' }], text: 'Waitlist is full until March' };
    const declined = await key(
      'PATCH',
      `/fhir/Task/${r.id}`,
      [
        { op: 'remove', path: '/businessStatus' },
        { op: 'replace', path: '/status', value: 'rejected' },
        { op: 'add', path: '/statusReason', value: reason },
      ],
      { ...PATCH, 'if-match': ack.headers.etag as string },
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'rejected', statusReason: { coding: [{ code: 'no_capacity' }], text: 'Waitlist is full until March' } });
    expect((await w.chw.call('GET', `/api/v1/referrals/${r.id}`)).body).toMatchObject({ status: 'declined', statusReason: 'no_capacity', statusNote: 'Waitlist is full until March' });
  });

  it('refuses a stale If-Match (412), none (428), an illegal transition (409), other paths (422) and a bad patch (400), changing nothing', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const at = { ...PATCH, 'if-match': `W/"${r.version}"` };
    const accept = [{ op: 'replace', path: '/status', value: 'accepted' }];
    const cases: [string, unknown, Record<string, string>, number][] = [
      ['stale', accept, { ...PATCH, 'if-match': `W/"${r.version + 5}"` }, 412],
      ['no If-Match', accept, PATCH, 428],
      ['malformed If-Match', accept, { ...PATCH, 'if-match': 'yesterday' }, 400],
      ['illegal: requested → completed', [{ op: 'replace', path: '/status', value: 'completed' }], at, 409],
      ['illegal: receiver cancels without a reason', [{ op: 'replace', path: '/status', value: 'cancelled' }], at, 400],
      ['unknown status', [{ op: 'replace', path: '/status', value: 'ready' }], at, 422],
      ['another path', [{ op: 'replace', path: '/priority', value: 'stat' }], at, 422],
      ['not an array', { op: 'replace', path: '/status', value: 'accepted' }, at, 400],
      ['no op', [{ path: '/status', value: 'accepted' }], at, 400],
      ['move', [{ op: 'move', from: '/status', path: '/status' }], at, 400],
      ['failed test', [{ op: 'test', path: '/status', value: 'draft' }, ...accept], at, 409],
      ['wrong content type', accept, { 'content-type': 'application/json', 'if-match': `W/"${r.version}"` }, 415],
    ];
    for (const [name, body, headers, status] of cases) {
      const res = await key('PATCH', `/fhir/Task/${r.id}`, body, headers);
      expect([name, res.status, res.body?.resourceType]).toEqual([name, status, 'OperationOutcome']);
    }
    const malformed = await t.app.inject({ method: 'PATCH', url: `/fhir/Task/${r.id}`, headers: { ...at, authorization: (await apiKeyHeader(w)).authorization }, payload: '[{"op":' });
    expect([malformed.statusCode, JSON.parse(malformed.body).resourceType]).toEqual([400, 'OperationOutcome']);
    const after = await key('GET', `/fhir/Task/${r.id}`);
    expect([after.body.status, after.body.meta.versionId]).toEqual(['requested', String(r.version)]);
  });

  it('forwards when the owner changes (the referral declined as referred_elsewhere and a linked one sent)', async () => {
    const w = await world(t);
    const r = await w.sent();
    const third = await newOrg(t.db, { name: 'Southside Food Bank', type: 'cbo' });
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const res = await key(
      'PATCH',
      `/fhir/Task/${r.id}`,
      [
        { op: 'replace', path: '/owner', value: { reference: `Organization/${third.id}` } },
        { op: 'add', path: '/statusReason', value: { text: 'They deliver in the client’s area' } },
      ],
      { ...PATCH, 'if-match': `W/"${r.version}"` },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', statusReason: { coding: [{ code: 'referred_elsewhere' }] } });
    const detail = await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    expect(detail.body.forwardedToId).toEqual(expect.any(String));
  });

  it('serves the CapabilityStatement without credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expect(res.statusCode).toBe(200);
    const cs = JSON.parse(res.body);
    expect(cs).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', patchFormat: ['application/json-patch+json'] });
    expect(cs.rest[0].resource.map((r: { type: string }) => r.type)).toEqual(['Task', 'ServiceRequest', 'Patient', 'Consent', 'Organization', 'HealthcareService']);
    // FHIR describes itself here; the OpenAPI document (and the fuzz test that walks it) is the REST API's.
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/fhir'))).toEqual([]);
  });

  it('moves an acknowledged Task to accepted by status alone, and answers no-store', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, READ_WRITE);
    const ack = await key('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'acknowledged', version: r.version });
    const res = await key('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { ...PATCH, 'if-match': `W/"${ack.body.version}"` });
    expect([res.status, res.body.status, res.body.businessStatus]).toEqual([200, 'accepted', undefined]);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

/** A raw Authorization header of a new key of the receiving organization (for a request the caller helper cannot send). */
const apiKeyHeader = async (w: Awaited<ReturnType<typeof world>>) => {
  const { member } = await import('../../testing/app');
  const admin = await member(t, w.cbo, 'org_admin');
  const res = await admin.call('POST', `/api/v1/organizations/${w.cbo.id}/api-keys`, { name: 'raw', scopes: READ_WRITE });
  return { authorization: `Bearer ${res.body.secret}` };
};
