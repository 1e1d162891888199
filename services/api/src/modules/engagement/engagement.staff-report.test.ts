import { newEngagementEvent, newOrg, newUser } from '@tandem/db/testing';
import type { Role } from '@tandem/contract';
import { apiKey, caller, signIn, testApp, type TestApp } from '../../testing/app';

// GET /api/v1/reports/engagement/staff-monthly (issue 25, "a staff member's monthly engagement
// report"): every figure checked against the fixture computed by hand below.

let t: TestApp;
let f: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  t = await testApp();
  f = await fixture();
});
afterAll(() => t?.close());

/**
 * Los Angeles times (PST −8 in February and March until March 8). Staff Ada (A) and Bo (B).
 *   E1 Mar 1 00:30 (Mar 1 08:30Z)   workgroup        spa4       homelessness+mental_health  12  A
 *   E2 Mar 10 09:00 PDT (16:00Z)    outreach_meeting spa6       substance_use               8   A+B
 *   E3 Mar 31 23:30 PDT (Apr 1 06:30Z) town_hall     spa4       other                       5   A
 *   Not counted for A in March:
 *   X1 Feb 28 23:30 PST (Mar 1 07:30Z)   A (February in Los Angeles)
 *   X2 Apr 1 00:30 PDT (Apr 1 07:30Z)    A (April)
 *   X3 Mar 15, removed, 100              A
 *   X4 Mar 16, 40                        B only
 * So A in 2026-03: 3 events, 25 attendees; B in 2026-03: 1 event (E2), 8 attendees.
 */
const fixture = async () => {
  const hq = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
  const a = await newUser(t.db, { org: hq, role: 'collaboration_team', name: 'Ada Lead' });
  const b = await newUser(t.db, { org: hq, role: 'collaboration_team', name: 'Bo Lead' });
  const ev = (startsAt: string, over: Parameters<typeof newEngagementEvent>[1]) =>
    newEngagementEvent(t.db, { startsAt: new Date(startsAt), communityMembers: null, cboStaff: null, ...over });
  const e1 = await ev('2026-03-01T08:30:00Z', { title: 'Shelter workgroup', type: 'workgroup', spas: ['spa4'], focusPopulations: ['homelessness', 'mental_health'], attendeeCount: 12, staffLeadIds: [a.id] });
  const e2 = await ev('2026-03-10T16:00:00Z', { title: 'Clinic outreach', type: 'outreach_meeting', spas: ['spa6'], focusPopulations: ['substance_use'], attendeeCount: 8, staffLeadIds: [a.id, b.id] });
  const e3 = await ev('2026-04-01T06:30:00Z', { title: 'Late town hall', type: 'town_hall', spas: ['spa4'], focusPopulations: ['other'], attendeeCount: 5, staffLeadIds: [a.id] });
  await ev('2026-03-01T07:30:00Z', { title: 'February night', type: 'workgroup', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 1000, staffLeadIds: [a.id] });
  await ev('2026-04-01T07:30:00Z', { title: 'April already', type: 'workgroup', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 1000, staffLeadIds: [a.id] });
  await ev('2026-03-15T17:00:00Z', { title: 'Logged twice', type: 'workgroup', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 100, staffLeadIds: [a.id], deletedAt: new Date('2026-03-20T00:00:00Z'), deleteReason: 'Logged twice' });
  await ev('2026-03-16T17:00:00Z', { title: "Bo's own", type: 'training', spas: ['spa8'], focusPopulations: ['justice_involvement'], attendeeCount: 40, staffLeadIds: [b.id] });
  return { hq, a, b, e1, e2, e3 };
};

const who = async (role: Role) => {
  const org = ['staff', 'org_admin'].includes(role) ? await newOrg(t.db) : f.hq;
  const u = await newUser(t.db, { org, role });
  const headers = await signIn(t.app, u.email);
  return { user: u, headers, call: caller(t.app, headers) };
};
const URL = '/api/v1/reports/engagement/staff-monthly';

describe('GET /api/v1/reports/engagement/staff-monthly', () => {
  it("counts the month's events the staff member led, in Los Angeles time: an event with two populations once; removed and others' events never", async () => {
    const team = await who('board_coordinator');
    const res = await team.call('GET', `${URL}?staffId=${f.a.id}&month=2026-03`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      staff: { id: f.a.id, name: 'Ada Lead' },
      month: '2026-03',
      from: '2026-03-01',
      to: '2026-03-31',
      events: 3,
      attendees: 25,
      rows: [
        { id: f.e1.id, startsAt: '2026-03-01T08:30:00Z', date: '2026-03-01', title: 'Shelter workgroup', type: 'workgroup', focusPopulations: ['homelessness', 'mental_health'], spas: ['spa4'], attendeeCount: 12 },
        { id: f.e2.id, startsAt: '2026-03-10T16:00:00Z', date: '2026-03-10', title: 'Clinic outreach', type: 'outreach_meeting', focusPopulations: ['substance_use'], spas: ['spa6'], attendeeCount: 8 },
        { id: f.e3.id, startsAt: '2026-04-01T06:30:00Z', date: '2026-03-31', title: 'Late town hall', type: 'town_hall', focusPopulations: ['other'], spas: ['spa4'], attendeeCount: 5 },
      ],
    });
  });

  it("counts a shared event for each of its leads: Bo's March is the shared event and his own", async () => {
    const team = await who('network_admin');
    const res = await team.call('GET', `${URL}?staffId=${f.b.id}&month=2026-03`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ staff: { id: f.b.id, name: 'Bo Lead' }, events: 2, attendees: 48 });
    expect(res.body.rows.map((r: { title: string }) => r.title)).toEqual(['Clinic outreach', "Bo's own"]);
  });

  it('answers the same as CSV, one row per event and a TOTAL row', async () => {
    const team = await who('collaboration_team');
    const res = await t.app.inject({ method: 'GET', url: `${URL}?staffId=${f.a.id}&month=2026-03`, headers: { ...team.headers, accept: 'text/csv' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('engagement-staff-2026-03.csv');
    expect(res.body.trim().split(/\r?\n/)).toEqual([
      'month,staffId,staffName,date,title,type,focusPopulations,spas,attendees',
      `2026-03,${f.a.id},Ada Lead,2026-03-01,Shelter workgroup,workgroup,homelessness;mental_health,spa4,12`,
      `2026-03,${f.a.id},Ada Lead,2026-03-10,Clinic outreach,outreach_meeting,substance_use,spa6,8`,
      `2026-03,${f.a.id},Ada Lead,2026-03-31,Late town hall,town_hall,other,spa4,5`,
      `2026-03,${f.a.id},Ada Lead,TOTAL,3 events,,,,25`,
    ]);
  });

  it('defaults to the caller and the current month in Los Angeles; refuses a bad month', async () => {
    const me = await who('collaboration_team');
    const res = await me.call('GET', URL);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date()).slice(0, 7);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ staff: { id: me.user.id }, month, events: 0, attendees: 0, rows: [] });
    for (const bad of ['month=2026-13', 'month=2026-3', 'staffId=nope', 'foo=1']) {
      const r = await me.call('GET', `${URL}?${bad}`);
      expect([bad, r.status, r.body.code]).toEqual([bad, 400, 'validation_failed']);
    }
  });

  it('is for the collaboration team, board coordinators and network admins, signed in: others and API keys get 403', async () => {
    for (const role of ['staff', 'org_admin'] as Role[]) {
      const m = await who(role);
      expect([role, (await m.call('GET', `${URL}?staffId=${f.a.id}&month=2026-03`)).status]).toEqual([role, 403]);
    }
    const key = await apiKey(t, f.hq, ['engagement:read']);
    expect((await key('GET', URL)).status).toBe(403);
  });
});
