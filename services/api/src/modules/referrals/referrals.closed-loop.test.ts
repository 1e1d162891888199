import { eq } from 'drizzle-orm';
import { api } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newClient, newOrg, newReferral, newService } from '@tandem/db/testing';
import { member, signIn, testApp, type TestApp } from '../../testing/app';

// GET /api/v1/reports/closed-loop and its mapping (issue 27, "Medi-Cal closed-loop referral
// export"): every row checked against a fixture computed by hand below.

// A database of its own per test: the rows are the fixture's alone.
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => t?.close());

const at = (iso: string) => new Date(iso);

/**
 * A health system and a shelter, the shelter's service offering housing transition navigation.
 * In March 2026 (Los Angeles days):
 *   R1 hs→shelter (the service) housing: sent Mar 2 10:00, acked Mar 3 18:00 (1 day), completed
 *      with outcome services_received Mar 9 23:30 PDT (7 days; in UTC already Mar 10)
 *   R2 hs→shelter food: sent Mar 4 23:30 (Mar 5 in UTC), declined out_of_area Mar 5 01:00:
 *      acked and closed 1 day later; `other` by default
 *   R3 shelter→hs: sent Mar 20, still sent
 * Left out: a draft, one entered in error, one sent Feb 28 23:00 in Los Angeles (Mar 1 in UTC).
 */
const fixture = async () => {
  const hs = await newOrg(t.db, { name: 'CLR Health System', type: 'health_system' });
  const shelter = await newOrg(t.db, { name: 'CLR Shelter', type: 'cbo' });
  const svc = await newService(t.db, shelter.id, { communitySupport: 'housing_transition_navigation' });
  const client = await newClient(t.db, hs);
  const r1 = await newReferral(t.db, {
    from: hs, to: shelter, client, receivingServiceId: svc.id, needs: ['housing-instability'], status: 'completed', outcome: 'services_received',
    sentAt: at('2026-03-02T18:00:00Z'), acknowledgedAt: at('2026-03-04T02:00:00Z'), closedAt: at('2026-03-10T06:30:00Z'), statusChangedAt: at('2026-03-10T06:30:00Z'),
  });
  const r2 = await newReferral(t.db, {
    from: hs, to: shelter, client, needs: ['food-insecurity'], status: 'declined', statusReason: 'out_of_area',
    sentAt: at('2026-03-05T07:30:00Z'), acknowledgedAt: at('2026-03-05T09:00:00Z'), closedAt: at('2026-03-05T09:00:00Z'), statusChangedAt: at('2026-03-05T09:00:00Z'),
  });
  const r3 = await newReferral(t.db, { from: shelter, to: hs, client, needs: ['housing-instability'], status: 'sent', sentAt: at('2026-03-20T18:00:00Z'), statusChangedAt: at('2026-03-20T18:00:00Z') });
  await newReferral(t.db, { from: hs, to: shelter, client, status: 'draft' });
  await newReferral(t.db, { from: hs, to: shelter, client, status: 'entered_in_error', sentAt: at('2026-03-03T18:00:00Z') });
  await newReferral(t.db, { from: hs, to: shelter, client, status: 'sent', sentAt: at('2026-03-01T07:00:00Z') });
  const row = (r: { id: string }) => ({ referralId: r.id, clientId: client.id });
  const R1 = {
    ...row(r1), communitySupport: 'housing_transition_navigation', needs: ['housing-instability'],
    referringOrganizationId: hs.id, referringOrganization: 'CLR Health System', receivingOrganizationId: shelter.id, receivingOrganization: 'CLR Shelter',
    dateReferred: '2026-03-02', status: 'completed', statusDate: '2026-03-09', loopClosureReason: 'services_received', daysToAcknowledge: 1, daysToClose: 7,
  };
  const R2 = {
    ...row(r2), communitySupport: null, needs: ['food-insecurity'],
    referringOrganizationId: hs.id, referringOrganization: 'CLR Health System', receivingOrganizationId: shelter.id, receivingOrganization: 'CLR Shelter',
    dateReferred: '2026-03-04', status: 'declined', statusDate: '2026-03-05', loopClosureReason: 'other', daysToAcknowledge: 1, daysToClose: 1,
  };
  const R3 = {
    ...row(r3), communitySupport: null, needs: ['housing-instability'],
    referringOrganizationId: shelter.id, referringOrganization: 'CLR Shelter', receivingOrganizationId: hs.id, receivingOrganization: 'CLR Health System',
    dateReferred: '2026-03-20', status: 'sent', statusDate: '2026-03-20', loopClosureReason: null, daysToAcknowledge: null, daysToClose: null,
  };
  return { hs, shelter, R1, R2, R3 };
};

const URL = '/api/v1/reports/closed-loop?from=2026-03-01&to=2026-03-31';

describe('GET /api/v1/reports/closed-loop', () => {
  it('answers one row per referral sent in the range, exactly; filters by receiver and Community Support; audits the read, never cached', async () => {
    const f = await fixture();
    const admin = await member(t, f.hs, 'network_admin');
    const all = await admin.call.op(api.getClosedLoopReport, { query: { from: '2026-03-01', to: '2026-03-31' } });
    expect(all.status).toBe(200);
    expect(all.headers['cache-control']).toBe('no-store');
    expect(all.body).toEqual({ from: '2026-03-01', to: '2026-03-31', rows: [f.R1, f.R2, f.R3] });
    expect((await admin.call('GET', `${URL}&receivingOrganizationId=${f.shelter.id}`)).body.rows).toEqual([f.R1, f.R2]);
    expect((await admin.call('GET', `${URL}&communitySupport=housing_transition_navigation`)).body.rows).toEqual([f.R1]);
    expect((await admin.call('GET', '/api/v1/reports/closed-loop?from=2026-02-01&to=2026-02-28')).body.rows.map((r: { dateReferred: string }) => r.dateReferred)).toEqual(['2026-02-28']);
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'report.closed_loop.read'));
    expect(audits).toHaveLength(4);
  });

  it('answers the same rows as CSV', async () => {
    const f = await fixture();
    const collab = await member(t, f.hs, 'collaboration_team');
    const res = await t.app.inject({ method: 'GET', url: `${URL}&receivingOrganizationId=${f.shelter.id}`, headers: { ...(await signIn(t.app, collab.user.email)), accept: 'text/csv' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'referralId,clientId,communitySupport,needs,referringOrganizationId,referringOrganization,receivingOrganizationId,receivingOrganization,dateReferred,status,statusDate,loopClosureReason,daysToAcknowledge,daysToClose',
    );
    const { R1, R2 } = f;
    expect(lines.slice(1)).toEqual([
      `${R1.referralId},${R1.clientId},housing_transition_navigation,housing-instability,${f.hs.id},CLR Health System,${f.shelter.id},CLR Shelter,2026-03-02,completed,2026-03-09,services_received,1,7`,
      `${R2.referralId},${R2.clientId},,food-insecurity,${f.hs.id},CLR Health System,${f.shelter.id},CLR Shelter,2026-03-04,declined,2026-03-05,other,1,1`,
    ]);
  });

  it('is for the collaboration team and network admins; anyone else gets 403, bad queries 400', async () => {
    const f = await fixture();
    for (const who of [await member(t, f.hs, 'staff'), await member(t, f.shelter, 'org_admin')]) {
      expect((await who.call('GET', URL)).body.code).toBe('forbidden');
      expect((await who.call('GET', '/api/v1/reports/closed-loop/mapping')).body.code).toBe('forbidden');
    }
    const admin = await member(t, f.hs, 'network_admin');
    expect([(await admin.call('GET', '/api/v1/reports/closed-loop?from=2026-03-02&to=2026-03-01')).status]).toEqual([400]);
    expect((await admin.call('GET', `${URL}&communitySupport=nope`)).status).toBe(400);
    expect((await admin.call('GET', `${URL}&extra=1`)).status).toBe(400);
  });
});

describe('the closed-loop mapping', () => {
  it('starts at the defaults; a network admin changes it under If-Match, and the export follows', async () => {
    const f = await fixture();
    const collab = await member(t, f.hs, 'collaboration_team');
    const admin = await member(t, f.hs, 'network_admin');
    const first = await collab.call('GET', '/api/v1/reports/closed-loop/mapping');
    expect([first.status, first.body.version, first.body.updatedAt, first.body.entries.length]).toEqual([200, 1, null, 36]);
    expect(first.body.entries).toContainEqual({ status: 'declined', reason: 'out_of_area', loopClosureReason: 'other' });

    const entries = [{ status: 'declined', reason: 'out_of_area', loopClosureReason: 'not_eligible' }];
    expect((await collab.call('PUT', '/api/v1/reports/closed-loop/mapping', { entries, version: 1 })).body.code).toBe('forbidden');
    expect((await admin.call('PUT', '/api/v1/reports/closed-loop/mapping', { entries })).status).toBe(428);
    const put = await admin.call('PUT', '/api/v1/reports/closed-loop/mapping', { entries }, { 'if-match': '"1"' });
    expect([put.status, put.body.version, put.headers.etag]).toEqual([200, 2, '"2"']);
    expect(put.body.entries).toContainEqual(entries[0]);
    expect((await admin.call('PUT', '/api/v1/reports/closed-loop/mapping', { entries, version: 1 })).body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    // The same mapping again writes nothing.
    expect((await admin.call('PUT', '/api/v1/reports/closed-loop/mapping', { entries, version: 2 })).body.version).toBe(2);

    const rows = (await admin.call('GET', URL)).body.rows;
    expect(rows.map((r: { loopClosureReason: string | null }) => r.loopClosureReason)).toEqual(['services_received', 'not_eligible', null]);
    const audits = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'report.closed_loop.mapping_update'));
    expect(audits).toHaveLength(1);

    // Named no more: back to the default.
    const back = await admin.call('PUT', '/api/v1/reports/closed-loop/mapping', { entries: [], version: 2 });
    expect(back.body.version).toBe(3);
    expect(back.body.entries).toContainEqual({ status: 'declined', reason: 'out_of_area', loopClosureReason: 'other' });
  });
});
