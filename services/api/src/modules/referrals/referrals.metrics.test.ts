import { api } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newClient, newOrg, newReferral, newService } from '@tandem/db/testing';
import { member, testApp, type TestApp } from '../../testing/app';

// GET /api/v1/reports/referrals (issue 25, "Referral network metrics"): every figure checked
// against a fixture computed by hand below.

// A database of its own per test: the unfiltered figures are the fixture's alone.
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => t?.close());

const H = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * H);

/**
 * A health system (SPA 4), a pantry (its service in SPA 6) and a shelter (no service; the
 * organization serves SPAs 2 and 3). Sent in January 2026 (Los Angeles days):
 *   R1 hs→pantry  food          acked +2h (due +8h), accepted, first contact +26h (due +24h: late), completed, loop closed
 *   R2 hs→shelter food+housing  acked +10h (due +8h: late), declined
 *   R4 pantry→shelter transport sent Jan 31 23:30 in Los Angeles (Feb 1 in UTC), acked +4h, accepted, in progress
 * February: R3 pantry→hs housing, not acknowledged, due two days after sending (past): overdue.
 * Left out: a draft, and a referral sent on Dec 31.
 */
const fixture = async () => {
  const hs = await newOrg(t.db, { name: 'Metrics Health System', type: 'health_system', spas: ['spa4'] });
  const pantry = await newOrg(t.db, { name: 'Metrics Pantry', type: 'cbo', spas: ['spa6'] });
  const shelter = await newOrg(t.db, { name: 'Metrics Shelter', type: 'cbo', spas: ['spa2', 'spa3'] });
  const svc = await newService(t.db, pantry.id, { spas: ['spa6'] });
  const client = await newClient(t.db, hs);
  const event = (referralId: string, toStatus: string) => t.db.insert(schema.referralEvents).values({ referralId, kind: 'status_changed', toStatus });
  const r1Sent = at('2026-01-10T18:00:00Z');
  const r1 = await newReferral(t.db, {
    from: hs, to: pantry, client, receivingServiceId: svc.id, needs: ['food-insecurity'], status: 'completed', outcome: 'services_received',
    sentAt: r1Sent, acknowledgedAt: at('2026-01-10T18:00:00Z', 2), acknowledgeDueAt: at('2026-01-10T18:00:00Z', 8),
    firstContactAt: at('2026-01-10T18:00:00Z', 26), firstContactDueAt: at('2026-01-10T18:00:00Z', 24), closedAt: at('2026-01-10T18:00:00Z', 72), loopClosedAt: at('2026-01-10T18:00:00Z', 80),
  });
  await event(r1.id, 'accepted');
  const r2 = await newReferral(t.db, {
    from: hs, to: shelter, client, needs: ['food-insecurity', 'housing-instability'], status: 'declined', statusReason: 'no_capacity',
    sentAt: at('2026-01-20T18:00:00Z'), acknowledgedAt: at('2026-01-20T18:00:00Z', 10), acknowledgeDueAt: at('2026-01-20T18:00:00Z', 8), closedAt: at('2026-01-20T18:00:00Z', 11),
  });
  await event(r2.id, 'declined');
  const r3 = await newReferral(t.db, {
    from: pantry, to: hs, client, needs: ['housing-instability'], status: 'sent',
    sentAt: at('2026-02-05T18:00:00Z'), acknowledgeDueAt: at('2026-02-07T18:00:00Z'),
  });
  const r4 = await newReferral(t.db, {
    from: pantry, to: shelter, client, needs: ['transportation-insecurity'], status: 'in_progress',
    sentAt: at('2026-02-01T07:30:00Z'), acknowledgedAt: at('2026-02-01T07:30:00Z', 4),
  });
  await event(r4.id, 'accepted');
  await newReferral(t.db, { from: hs, to: pantry, client, status: 'draft' });
  await newReferral(t.db, { from: hs, to: pantry, client, status: 'sent', sentAt: at('2025-12-31T20:00:00Z') });
  return { hs, pantry, shelter, r1, r2, r3, r4 };
};

const query = (by?: string, extra = '') => `/api/v1/reports/referrals?from=2026-01-01&to=2026-02-28&groupBy=month${by ? `&by=${by}` : ''}${extra}`;

describe('GET /api/v1/reports/referrals', () => {
  it('counts each period exactly: volume, acceptance, medians, loop closure, overdue share; split by flow, need and SPA', async () => {
    const f = await fixture();
    const admin = await member(t, f.hs, 'network_admin');
    const only = `&organizationId=${f.pantry.id}`;
    const none = await admin.call.op(api.getReferralMetrics, { query: { from: '2026-01-01', to: '2026-02-28', organizationId: f.pantry.id, groupBy: 'month' } });
    expect(none.status).toBe(200);

    // Restricted to referrals the fixture's organizations sent or received: the pantry is on R1, R3 and R4.
    const res = await admin.call('GET', query(undefined, only));
    expect(res.body.rows).toEqual([
      { period: '2026-01', key: null, label: null, sent: 2, acknowledged: 2, accepted: 2, declined: 0, acceptanceRate: 1, medianHoursToAcknowledge: 3, medianHoursToFirstContact: 26, closedWithOutcome: 1, loopClosed: 1, loopClosureRate: 1, overdue: 1, overdueShare: 0.5 },
      { period: '2026-02', key: null, label: null, sent: 1, acknowledged: 0, accepted: 0, declined: 0, acceptanceRate: null, medianHoursToAcknowledge: null, medianHoursToFirstContact: null, closedWithOutcome: 0, loopClosed: 0, loopClosureRate: null, overdue: 1, overdueShare: 1 },
    ]);

    // All of them, by flow: January has R1, R2 (health system → CBO) and R4 (CBO → CBO, a Los Angeles January day).
    const flow = await admin.call('GET', query('flow'));
    const cells = (rows: { period: string; key: string | null; sent: number; overdue: number }[]) => rows.map((r) => [r.period, r.key, r.sent, r.overdue]);
    expect(cells(flow.body.rows)).toEqual([
      ['2026-01', null, 3, 2],
      ['2026-01', 'cbo_to_cbo', 1, 0],
      ['2026-01', 'health_system_to_cbo', 2, 2],
      ['2026-02', null, 1, 1],
      ['2026-02', 'cbo_to_health_system', 1, 1],
    ]);
    const jan = flow.body.rows[0];
    expect([jan.accepted, jan.declined, jan.acceptanceRate, jan.medianHoursToAcknowledge, jan.medianHoursToFirstContact, jan.overdueShare]).toEqual([2, 1, 0.6667, 4, 26, 0.6667]);

    // By need: R2 counts under food and housing, and once in the total.
    const need = await admin.call('GET', query('need'));
    expect(cells(need.body.rows)).toEqual([
      ['2026-01', null, 3, 2],
      ['2026-01', 'food-insecurity', 2, 2],
      ['2026-01', 'housing-instability', 1, 1],
      ['2026-01', 'transportation-insecurity', 1, 0],
      ['2026-02', null, 1, 1],
      ['2026-02', 'housing-instability', 1, 1],
    ]);
    expect(need.body.counting).toMatch(/once in each of their rows and once in its period's total/);

    // By SPA served: R1 through its service (SPA 6), R2 and R4 through the shelter's SPAs, R3 the health system's.
    const spa = await admin.call('GET', query('spa'));
    expect(cells(spa.body.rows)).toEqual([
      ['2026-01', null, 3, 2],
      ['2026-01', 'spa2', 2, 1],
      ['2026-01', 'spa3', 2, 1],
      ['2026-01', 'spa6', 1, 1],
      ['2026-02', null, 1, 1],
      ['2026-02', 'spa4', 1, 1],
    ]);

    // By receiving organization, named; and by quarter, one period.
    const org = await admin.call('GET', query('organization'));
    const jan2 = org.body.rows.filter((r: { period: string }) => r.period === '2026-01').map((r: { key: string | null; label: string | null; sent: number }) => [r.key, r.label, r.sent]);
    expect(jan2).toEqual([[null, null, 3], ...[[f.pantry.id, 'Metrics Pantry', 1], [f.shelter.id, 'Metrics Shelter', 2]].sort((a, b) => String(a[0]).localeCompare(String(b[0])))]);
    const quarter = await admin.call('GET', '/api/v1/reports/referrals?from=2026-01-01&to=2026-03-31&groupBy=quarter');
    expect(cells(quarter.body.rows)).toEqual([['2026-Q1', null, 4, 3]]);
  });

  it('answers the same rows as CSV, the totals marked and their counting said', async () => {
    const f = await fixture();
    const collab = await member(t, f.hs, 'collaboration_team');
    const res = await t.app.inject({ method: 'GET', url: query('need', `&organizationId=${f.pantry.id}`), headers: { ...(await collabHeaders(collab)), accept: 'text/csv' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('period,key,label,sent,acknowledged,accepted,declined,acceptanceRate,medianHoursToAcknowledge,medianHoursToFirstContact,closedWithOutcome,loopClosed,loopClosureRate,overdue,overdueShare');
    // The pantry's referrals: R1 and R4 in January, R3 in February.
    expect(lines[1]).toMatch(/^2026-01,TOTAL,"A referral with several needs .*",2,2,2,0,1,3,26,1,1,1,1,0.5$/);
    expect(lines.slice(2).map((l: string) => l.split(',').slice(0, 4).join(','))).toEqual([
      '2026-01,food-insecurity,,1',
      '2026-01,transportation-insecurity,,1',
      expect.stringMatching(/^2026-02,TOTAL,"A referral/),
      '2026-02,housing-instability,,1',
    ]);
  });

  it('is for the collaboration team and network admins; anyone else gets 403, bad ranges 400', async () => {
    const f = await fixture();
    const staff = await member(t, f.hs, 'staff');
    const orgAdmin = await member(t, f.pantry, 'org_admin');
    for (const who of [staff, orgAdmin]) expect((await who.call('GET', query())).body.code).toBe('forbidden');
    const admin = await member(t, f.hs, 'network_admin');
    const bad = await admin.call('GET', '/api/v1/reports/referrals?from=2026-03-01&to=2026-02-01');
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    expect((await admin.call('GET', `${query()}&extra=1`)).status).toBe(400);
  });
});

const collabHeaders = async (m: Awaited<ReturnType<typeof member>>) => {
  const { signIn } = await import('../../testing/app');
  return signIn(t.app, m.user.email);
};
