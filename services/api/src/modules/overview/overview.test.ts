import { schema } from '@tandem/db';
import { newClient, newEngagementEvent, newOrg, newReferral, newUser } from '@tandem/db/testing';
import { ESCALATED_UNANSWERED_DAYS, type Role } from '@tandem/contract';
import { apiKey, caller, signIn, testApp, type TestApp } from '../../testing/app';

// GET /api/v1/reports/network-overview (issue 25): every figure checked against the fixture below,
// computed by hand. A database of its own: the figures are the fixture's alone.
let t: TestApp;
let f: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  t = await testApp();
  f = await fixture();
});
afterAll(() => t?.close());

const H = 3600_000;
const DAY = 24 * H;
const at = (iso: string, plusHours = 0) => new Date(new Date(iso).getTime() + plusHours * H);
const ago = (days: number) => new Date(Date.now() - days * DAY);

/**
 * Organizations (stage): hq County Network (health_system, spa4, partnered), hs County Health
 * (health_system, spa4, partnered), alpha Alpha Pantry (cbo, spa4, assessed), zeta Zeta Shelter
 * (cbo, spa6, outreach), a prospect (cbo, spa4). Funnel: 1 prospect, 1 outreach, 1 assessed, 2 partnered.
 *
 * Referrals (due times: acknowledge +24 h, first contact +72 h unless said):
 *   R1 hs→alpha  Feb 1   ack +2 h, contact +10 h, completed, loop closed, accepted      not overdue
 *   R2 hs→alpha  Feb 10  ack +6 h, no contact, accepted, open                           overdue (contact)
 *   R3 alpha→zeta Mar 5  ack +4 h, declined (closed), no contact due                     not overdue
 *   R4 zeta→hs   Mar 10  no ack, sent, open                                             overdue (ack)
 *   R7 hs→zeta   Jan 15  no ack, sent, open                                             overdue (ack)
 *   R5 hs→zeta   Dec 20 2025 (out of range) no ack, open                                overdue now
 *   R6 a draft to alpha: never counts.
 * Range 2026-01-01..2026-03-31: sent 5 (health_system_to_cbo 3, cbo_to_cbo 1, cbo_to_health_system 1),
 * acknowledged 3, accepted 2, declined 1 → 2/3; median ack (2, 6, 4) = 4 h; median contact 10 h;
 * closed with outcome 1, loop closed 1 → 1; overdue 3 of 5 → 0.6.
 * Overdue now per receiving organization: Zeta 2 (R7, R5), Alpha 1 (R2), County Health 1 (R4).
 *
 * Gaps: g1 high escalated 20 days ago; g2 critical escalated 3 days ago; g3 medium identified;
 * g4 low in progress; g5 high resolved; g6 medium escalated 30 days ago (spa6).
 * Open by severity: low 1, medium 2, high 1, critical 1 = 5. Unanswered (> 14 days): g6, g1.
 *
 * Events in March 2026 (Los Angeles): Mar 3 spa4 12, Mar 20 spa4+spa6 30 → 2 events, 42;
 * left out: Feb 28 (100), Mar 25 removed (50), Apr 1 (7).
 */
const fixture = async () => {
  const hq = await newOrg(t.db, { name: 'County Network', type: 'health_system', runsNetwork: true, partnershipStage: 'partnered' });
  const hs = await newOrg(t.db, { name: 'County Health', type: 'health_system', spas: ['spa4'], partnershipStage: 'partnered' });
  const alpha = await newOrg(t.db, { name: 'Alpha Pantry', type: 'cbo', spas: ['spa4'], partnershipStage: 'assessed' });
  const zeta = await newOrg(t.db, { name: 'Zeta Shelter', type: 'cbo', spas: ['spa6'], partnershipStage: 'outreach' });
  await newOrg(t.db, { name: 'Prospect Org', type: 'cbo', spas: ['spa4'], partnershipStage: 'prospect' });
  const client = await newClient(t.db, hq);
  const ref = async (from: { id: string }, to: { id: string }, sent: string, over: Partial<typeof schema.referrals.$inferInsert>, moves: string[] = []) => {
    const r = await newReferral(t.db, { from, to, client, status: 'sent', sentAt: at(sent), acknowledgeDueAt: at(sent, 24), firstContactDueAt: at(sent, 72), ...over });
    for (const toStatus of moves) await t.db.insert(schema.referralEvents).values({ referralId: r.id, kind: 'status_changed', toStatus, at: at(sent, 5) });
    return r;
  };
  await ref(hs, alpha, '2026-02-01T17:00:00Z', { status: 'completed', acknowledgedAt: at('2026-02-01T17:00:00Z', 2), firstContactAt: at('2026-02-01T17:00:00Z', 10), closedAt: at('2026-02-03T17:00:00Z'), loopClosedAt: at('2026-02-04T17:00:00Z') }, ['accepted', 'completed']);
  await ref(hs, alpha, '2026-02-10T17:00:00Z', { status: 'accepted', acknowledgedAt: at('2026-02-10T17:00:00Z', 6) }, ['accepted']);
  await ref(alpha, zeta, '2026-03-05T17:00:00Z', { status: 'declined', statusReason: 'no_capacity', acknowledgedAt: at('2026-03-05T17:00:00Z', 4), firstContactDueAt: null, closedAt: at('2026-03-05T22:00:00Z') }, ['declined']);
  await ref(zeta, hs, '2026-03-10T17:00:00Z', {});
  await ref(hs, zeta, '2026-01-15T17:00:00Z', {});
  await ref(hs, zeta, '2025-12-20T17:00:00Z', {});
  await newReferral(t.db, { from: hs, to: alpha, client });

  const gap = (title: string, severity: string, status: string, changed: Date, spa = 'spa4') =>
    t.db.insert(schema.serviceGaps).values({ title, spa: spa as 'spa4', category: 'food-insecurity', severity: severity as 'high', status: status as 'escalated', statusChangedAt: changed }).returning();
  const [g1] = await gap('No shelter beds in SPA 4', 'high', 'escalated', ago(20));
  await gap('No detox in SPA 4', 'critical', 'escalated', ago(3));
  await gap('Few reentry services', 'medium', 'identified', ago(40));
  await gap('Food pantry hours', 'low', 'in_progress', ago(40));
  await gap('Closed gap', 'high', 'resolved', ago(40));
  const [g6] = await gap('No respite care in SPA 6', 'medium', 'escalated', ago(30), 'spa6');

  const ev = (startsAt: string, over: Parameters<typeof newEngagementEvent>[1]) => newEngagementEvent(t.db, { startsAt: new Date(startsAt), communityMembers: null, cboStaff: null, ...over });
  await ev('2026-03-03T18:00:00Z', { spas: ['spa4'], attendeeCount: 12 });
  await ev('2026-03-20T17:00:00Z', { spas: ['spa4', 'spa6'], attendeeCount: 30 });
  await ev('2026-02-28T18:00:00Z', { spas: ['spa4'], attendeeCount: 100 });
  await ev('2026-03-25T17:00:00Z', { spas: ['spa4'], attendeeCount: 50, deletedAt: new Date('2026-03-26T00:00:00Z'), deleteReason: 'Twice' });
  await ev('2026-04-01T17:00:00Z', { spas: ['spa4'], attendeeCount: 7 });
  return { hq, hs, alpha, zeta, g1: g1!, g6: g6! };
};

const who = async (role: Role) => {
  const org = ['staff', 'org_admin'].includes(role) ? f.alpha : f.hq;
  const u = await newUser(t.db, { org, role });
  return caller(t.app, await signIn(t.app, u.email));
};
const URL = '/api/v1/reports/network-overview';

describe('GET /api/v1/reports/network-overview', () => {
  it('adds up the fixture: needs action first, then referrals, funnel, gaps and events', async () => {
    const team = await who('collaboration_team');
    const res = await team('GET', `${URL}?from=2026-01-01&to=2026-03-31`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect([b.from, b.to, b.spa]).toEqual(['2026-01-01', '2026-03-31', null]);
    expect(b.needsAction.overdueByOrganization.map((o: { name: string; overdue: number }) => [o.name, o.overdue])).toEqual([
      ['Zeta Shelter', 2],
      ['Alpha Pantry', 1],
      ['County Health', 1],
    ]);
    expect(b.needsAction.overdueByOrganization[0]).toMatchObject({ organizationId: f.zeta.id, oldestDueAt: at('2025-12-20T17:00:00Z', 24).toISOString() });
    expect(b.needsAction.escalatedAfterDays).toBe(ESCALATED_UNANSWERED_DAYS);
    expect(b.needsAction.escalatedUnanswered.map((g: { id: string; daysWaiting: number; severity: string }) => [g.id, g.severity, g.daysWaiting])).toEqual([
      [f.g6.id, 'medium', 30],
      [f.g1.id, 'high', 20],
    ]);
    expect(b.referrals).toEqual({
      sent: 5,
      byFlow: [
        { flow: 'health_system_to_cbo', sent: 3 },
        { flow: 'cbo_to_health_system', sent: 1 },
        { flow: 'cbo_to_cbo', sent: 1 },
        { flow: 'health_system_to_health_system', sent: 0 },
      ],
      acknowledged: 3,
      accepted: 2,
      declined: 1,
      acceptanceRate: 0.6667,
      medianHoursToAcknowledge: 4,
      medianHoursToFirstContact: 10,
      closedWithOutcome: 1,
      loopClosed: 1,
      loopClosureRate: 1,
      overdue: 3,
      overdueShare: 0.6,
    });
    expect(b.pipeline).toEqual({ counts: { prospect: 1, outreach: 1, assessed: 1, partnered: 2 }, total: 5 });
    expect(b.gaps).toEqual({ openBySeverity: { low: 1, medium: 2, high: 1, critical: 1 }, open: 5 });
    expect(b.events).toEqual({ month: '2026-03', from: '2026-03-01', to: '2026-03-31', events: 2, attendees: 42 });
  });

  it('narrows every part to one SPA', async () => {
    const admin = await who('network_admin');
    const res = await admin('GET', `${URL}?from=2026-01-01&to=2026-03-31&spa=spa6`);
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.needsAction.overdueByOrganization.map((o: { name: string; overdue: number }) => [o.name, o.overdue])).toEqual([['Zeta Shelter', 2]]);
    expect(b.needsAction.escalatedUnanswered.map((g: { id: string }) => g.id)).toEqual([f.g6.id]);
    // R3 (alpha→zeta) and R7 (hs→zeta): R3 declined, R7 overdue.
    expect(b.referrals).toMatchObject({ sent: 2, acknowledged: 1, accepted: 0, declined: 1, acceptanceRate: 0, overdue: 1, overdueShare: 0.5 });
    expect(b.pipeline).toEqual({ counts: { prospect: 0, outreach: 1, assessed: 0, partnered: 0 }, total: 1 });
    expect(b.gaps).toEqual({ openBySeverity: { low: 0, medium: 1, high: 0, critical: 0 }, open: 1 });
    expect(b.events).toMatchObject({ events: 1, attendees: 30 });
  });

  it('defaults to the year up to today', async () => {
    const team = await who('collaboration_team');
    const res = await team('GET', URL);
    expect(res.status).toBe(200);
    expect(res.body.to > res.body.from).toBe(true);
    expect(res.body.events.month).toBe(res.body.to.slice(0, 7));
  });

  it('the collaboration team and network admins only: others 403, API keys refused, anonymous 401; bad input 400', async () => {
    for (const role of ['board_coordinator', 'staff', 'org_admin'] as const) expect([role, (await (await who(role))('GET', URL)).status]).toEqual([role, 403]);
    expect((await (await apiKey(t, f.hq, ['referrals:read', 'engagement:read']))('GET', URL)).status).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    const team = await who('collaboration_team');
    for (const q of ['from=2026-03-01&to=2026-02-01', 'spa=spa9', 'extra=1']) {
      const r = await team('GET', `${URL}?${q}`);
      expect([q, r.status, r.body.code]).toEqual([q, 400, 'validation_failed']);
    }
  });
});
