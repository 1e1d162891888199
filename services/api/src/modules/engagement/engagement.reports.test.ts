import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ENGAGEMENT_COUNTING, FOCUS_POPULATIONS, STATE_QUARTERLY_COUNTING, stateCategoryOf, type Role } from '@tandem/contract';
import { newEngagementEvent, newOrg, newUser } from '@tandem/db/testing';
import { apiKey, caller, signIn, testApp, type TestApp } from '../../testing/app';

// GET /api/v1/reports/engagement and /state-quarterly (issue 25, "Reports"): every figure checked
// against the fixture computed by hand below.

// A database of its own: the figures are the fixture's alone.
let t: TestApp;
let f: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  t = await testApp();
  f = await fixture();
});
afterAll(() => t?.close());

/**
 * Los Angeles times (PST −8 until March 8, PDT −7 after). Two staff leads, L1 (Ada) and L2 (Bo).
 *   E1 Jan 15 10:00  outreach_meeting spa4+spa6  homelessness+mental_health 10  L1
 *   E2 Jan 31 23:30 (Feb 1 in UTC)  town_hall  spa4  complex_health  20  L1+L2
 *   E3 Feb 10  workgroup  spa2  substance_use+other  5  no lead
 *   S1–S3 a monthly series, the 20th of Feb, Mar, Apr: workgroup spa6 healthy_pregnancy 7, 8, 9  L2
 *   S4 its May occurrence, removed (50); D Jan 20, removed (100)
 *   E4 Jun 30 23:30 (Jul 1 in UTC)  training  spa8  justice_involvement  3
 * Left out of 2026-01-01..2026-06-30: Dec 31 2025 23:00 (Jan 1 in UTC) and Jul 1 00:30.
 */
const fixture = async () => {
  const hq = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
  const l1 = await newUser(t.db, { org: hq, role: 'collaboration_team', name: 'Ada Lead' });
  const l2 = await newUser(t.db, { org: hq, role: 'collaboration_team', name: 'Bo Lead' });
  const ev = (startsAt: string, over: Parameters<typeof newEngagementEvent>[1]) => newEngagementEvent(t.db, { startsAt: new Date(startsAt), communityMembers: null, cboStaff: null, ...over });
  await ev('2026-01-15T18:00:00Z', { type: 'outreach_meeting', spas: ['spa4', 'spa6'], focusPopulations: ['homelessness', 'mental_health'], attendeeCount: 10, staffLeadIds: [l1.id] });
  await ev('2026-02-01T07:30:00Z', { type: 'town_hall', spas: ['spa4'], focusPopulations: ['complex_health'], attendeeCount: 20, staffLeadIds: [l1.id, l2.id] });
  await ev('2026-02-10T18:00:00Z', { type: 'workgroup', spas: ['spa2'], focusPopulations: ['substance_use', 'other'], attendeeCount: 5 });
  const seriesId = randomUUID();
  const s = { type: 'workgroup' as const, spas: ['spa6' as const], focusPopulations: ['healthy_pregnancy' as const], seriesId, staffLeadIds: [l2.id] };
  await ev('2026-02-20T18:00:00Z', { ...s, attendeeCount: 7 });
  await ev('2026-03-20T17:00:00Z', { ...s, attendeeCount: 8 });
  await ev('2026-04-20T17:00:00Z', { ...s, attendeeCount: 9 });
  const removed = { deletedAt: new Date('2026-06-01T00:00:00Z'), deleteReason: 'Logged twice' };
  await ev('2026-05-20T17:00:00Z', { ...s, attendeeCount: 50, ...removed });
  await ev('2026-01-20T18:00:00Z', { type: 'town_hall', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 100, staffLeadIds: [l1.id], ...removed });
  await ev('2026-07-01T06:30:00Z', { type: 'training', spas: ['spa8'], focusPopulations: ['justice_involvement'], attendeeCount: 3 });
  await ev('2026-01-01T07:00:00Z', { type: 'training', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 1000 });
  await ev('2026-07-01T07:30:00Z', { type: 'training', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 1000 });
  return { hq, l1, l2 };
};

const who = async (role: Role) => {
  const org = ['staff', 'org_admin'].includes(role) ? await newOrg(t.db) : f.hq;
  const u = await newUser(t.db, { org, role });
  const headers = await signIn(t.app, u.email);
  return { headers, call: caller(t.app, headers) };
};
const URL = '/api/v1/reports/engagement';
const H1 = 'from=2026-01-01&to=2026-06-30';
type Row = { period: string; key: string | null; keys: Record<string, string>; label: string | null; events: number; attendees: number };
const cells = (rows: Row[]) => rows.map((r) => [r.period, r.key, r.events, r.attendees]);

describe('GET /api/v1/reports/engagement', () => {
  it('counts events and attendees per month and SPA: an event in two SPAs once in each, once in the total; removed events never', async () => {
    const team = await who('collaboration_team');
    const res = await team.call('GET', `${URL}?${H1}&by=spa`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-06-30', groupBy: 'month', by: 'spa', dimensions: ['spa'], counting: ENGAGEMENT_COUNTING });
    expect(res.body.rows.slice(0, 2)).toEqual([
      { period: '2026-01', key: null, keys: {}, label: null, events: 2, attendees: 30 },
      { period: '2026-01', key: 'spa4', keys: { spa: 'spa4' }, label: null, events: 2, attendees: 30 },
    ]);
    expect(cells(res.body.rows)).toEqual([
      ['2026-01', null, 2, 30],
      ['2026-01', 'spa4', 2, 30],
      ['2026-01', 'spa6', 1, 10],
      ['2026-02', null, 2, 12],
      ['2026-02', 'spa2', 1, 5],
      ['2026-02', 'spa6', 1, 7],
      ['2026-03', null, 1, 8],
      ['2026-03', 'spa6', 1, 8],
      ['2026-04', null, 1, 9],
      ['2026-04', 'spa6', 1, 9],
      ['2026-06', null, 1, 3],
      ['2026-06', 'spa8', 1, 3],
    ]);
  });

  it('splits by focus population', async () => {
    const admin = await who('network_admin');
    const res = await admin.call('GET', `${URL}?${H1}&by=population`);
    expect(cells(res.body.rows)).toEqual([
      ['2026-01', null, 2, 30],
      ['2026-01', 'complex_health', 1, 20],
      ['2026-01', 'homelessness', 1, 10],
      ['2026-01', 'mental_health', 1, 10],
      ['2026-02', null, 2, 12],
      ['2026-02', 'healthy_pregnancy', 1, 7],
      ['2026-02', 'other', 1, 5],
      ['2026-02', 'substance_use', 1, 5],
      ['2026-03', null, 1, 8],
      ['2026-03', 'healthy_pregnancy', 1, 8],
      ['2026-04', null, 1, 9],
      ['2026-04', 'healthy_pregnancy', 1, 9],
      ['2026-06', null, 1, 3],
      ['2026-06', 'justice_involvement', 1, 3],
    ]);
  });

  it('splits by staff lead, named; an event without a lead only in the total', async () => {
    const coordinator = await who('board_coordinator');
    const res = await coordinator.call('GET', `${URL}?${H1}&by=staff`);
    expect(res.status).toBe(200);
    const { l1, l2 } = f;
    const lead = (period: string, id: string, events: number, attendees: number) => ({ period, key: id, keys: { staff: id }, label: id === l1.id ? 'Ada Lead' : 'Bo Lead', events, attendees });
    const total = (period: string, events: number, attendees: number) => ({ period, key: null, keys: {}, label: null, events, attendees });
    const jan = [lead('2026-01', l1.id, 2, 30), lead('2026-01', l2.id, 1, 20)].sort((x, y) => x.key.localeCompare(y.key));
    expect(res.body.rows).toEqual([
      total('2026-01', 2, 30),
      ...jan,
      total('2026-02', 2, 12),
      lead('2026-02', l2.id, 1, 7),
      total('2026-03', 1, 8),
      lead('2026-03', l2.id, 1, 8),
      total('2026-04', 1, 9),
      lead('2026-04', l2.id, 1, 9),
      total('2026-06', 1, 3),
    ]);
  });

  it('groups by quarter and type, and by year with no dimension', async () => {
    const team = await who('collaboration_team');
    expect(cells((await team.call('GET', `${URL}?${H1}&groupBy=quarter&by=type`)).body.rows)).toEqual([
      ['2026-Q1', null, 5, 50],
      ['2026-Q1', 'outreach_meeting', 1, 10],
      ['2026-Q1', 'town_hall', 1, 20],
      ['2026-Q1', 'workgroup', 3, 20],
      ['2026-Q2', null, 2, 12],
      ['2026-Q2', 'training', 1, 3],
      ['2026-Q2', 'workgroup', 1, 9],
    ]);
    const year = await team.call('GET', `${URL}?${H1}&groupBy=year`);
    expect([year.body.by, cells(year.body.rows)]).toEqual([null, [['2026', null, 7, 62]]]);
  });

  it('answers CSV: one row per cell, the totals saying TOTAL and how they count', async () => {
    const team = await who('collaboration_team');
    const res = await t.app.inject({ method: 'GET', url: `${URL}?${H1}&by=spa`, headers: { ...team.headers, accept: 'text/csv' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const total = (p: string, e: number, a: number) => `${p},TOTAL,"${ENGAGEMENT_COUNTING}",${e},${a}`;
    expect(res.body.split('\r\n')).toEqual([
      'period,spa,label,events,attendees',
      total('2026-01', 2, 30),
      '2026-01,spa4,,2,30',
      '2026-01,spa6,,1,10',
      total('2026-02', 2, 12),
      '2026-02,spa2,,1,5',
      '2026-02,spa6,,1,7',
      total('2026-03', 1, 8),
      '2026-03,spa6,,1,8',
      total('2026-04', 1, 9),
      '2026-04,spa6,,1,9',
      total('2026-06', 1, 3),
      '2026-06,spa8,,1,3',
      '',
    ]);
  });

  it('splits by several dimensions: one row per combination, in the order of `by`; an event in each of its combinations once, once in the total', async () => {
    const team = await who('collaboration_team');
    const res = await team.call('GET', `${URL}?${H1}&groupBy=quarter&by=spa,population`);
    expect(res.status).toBe(200);
    expect([res.body.by, res.body.dimensions]).toEqual(['spa,population', ['spa', 'population']]);
    // Q1: E1 (spa4+spa6 × homelessness+mental_health, 10) four combinations; E2 spa4 complex_health 20;
    // E3 spa2 × substance_use+other 5; S1, S2 spa6 healthy_pregnancy 7 + 8. Total: 5 events, 50.
    expect(cells(res.body.rows)).toEqual([
      ['2026-Q1', null, 5, 50],
      ['2026-Q1', 'spa2|other', 1, 5],
      ['2026-Q1', 'spa2|substance_use', 1, 5],
      ['2026-Q1', 'spa4|complex_health', 1, 20],
      ['2026-Q1', 'spa4|homelessness', 1, 10],
      ['2026-Q1', 'spa4|mental_health', 1, 10],
      ['2026-Q1', 'spa6|healthy_pregnancy', 2, 15],
      ['2026-Q1', 'spa6|homelessness', 1, 10],
      ['2026-Q1', 'spa6|mental_health', 1, 10],
      ['2026-Q2', null, 2, 12],
      ['2026-Q2', 'spa6|healthy_pregnancy', 1, 9],
      ['2026-Q2', 'spa8|justice_involvement', 1, 3],
    ]);
    expect(res.body.rows[1].keys).toEqual({ spa: 'spa2', population: 'other' });
    // The other order: populations first.
    const flipped = await team.call('GET', `${URL}?${H1}&groupBy=year&by=population,spa`);
    expect(cells(flipped.body.rows).slice(0, 3)).toEqual([
      ['2026', null, 7, 62],
      ['2026', 'complex_health|spa4', 1, 20],
      ['2026', 'healthy_pregnancy|spa6', 3, 24],
    ]);
  });

  it('with staff among several dimensions: names the lead; an event without a lead only in the total', async () => {
    const team = await who('collaboration_team');
    const res = await team.call('GET', `${URL}?${H1}&groupBy=year&by=type,staff`);
    const { l1, l2 } = f;
    // E1 outreach L1 10; E2 town_hall L1+L2 20; E3 workgroup no lead 5; S1–S3 workgroup L2 24; E4 training no lead 3.
    const byKey = Object.fromEntries(res.body.rows.map((r: Row) => [r.key, [r.label, r.events, r.attendees]]));
    expect(byKey).toEqual({
      null: [null, 7, 62],
      [`outreach_meeting|${l1.id}`]: ['Ada Lead', 1, 10],
      [`town_hall|${l1.id}`]: ['Ada Lead', 1, 20],
      [`town_hall|${l2.id}`]: ['Bo Lead', 1, 20],
      [`workgroup|${l2.id}`]: ['Bo Lead', 3, 24],
    });
  });

  it('CSV with several dimensions: one column per dimension, each saying TOTAL on the totals', async () => {
    const team = await who('collaboration_team');
    const res = await t.app.inject({ method: 'GET', url: `${URL}?from=2026-06-01&to=2026-06-30&by=population,spa`, headers: { ...team.headers, accept: 'text/csv' } });
    expect(res.body.split('\r\n')).toEqual([
      'period,population,spa,label,events,attendees',
      `2026-06,TOTAL,TOTAL,"${ENGAGEMENT_COUNTING}",1,3`,
      '2026-06,justice_involvement,spa8,,1,3',
      '',
    ]);
  });

  it("filters by spa, population, type and staffId as the events list does: a matching event counts whole (under all its values), the others not at all", async () => {
    const team = await who('collaboration_team');
    // spa4: E1 (spa4+spa6, 10) and E2 (20); E1 still counts under spa6.
    expect(cells((await team.call('GET', `${URL}?${H1}&by=spa&spa=spa4`)).body.rows)).toEqual([
      ['2026-01', null, 2, 30],
      ['2026-01', 'spa4', 2, 30],
      ['2026-01', 'spa6', 1, 10],
    ]);
    // Led by Bo: E2 (town hall, 20, led with Ada), S1, S2 (Q1: 7, 8) and S3 (Q2: 9).
    const bo = await team.call('GET', `${URL}?${H1}&groupBy=quarter&by=type&staffId=${f.l2.id}`);
    expect(cells(bo.body.rows)).toEqual([
      ['2026-Q1', null, 3, 35],
      ['2026-Q1', 'town_hall', 1, 20],
      ['2026-Q1', 'workgroup', 2, 15],
      ['2026-Q2', null, 1, 9],
      ['2026-Q2', 'workgroup', 1, 9],
    ]);
    // Led by Bo, by staff: the events he led, each also under Ada when she co-led it.
    expect(cells((await team.call('GET', `${URL}?${H1}&groupBy=year&by=staff&staffId=${f.l2.id}`)).body.rows)).toEqual([
      ['2026', null, 4, 44],
      ...[
        [f.l1.id, 1, 20],
        [f.l2.id, 4, 44],
      ]
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        .map(([k, e, a]) => ['2026', k, e, a]),
    ]);
    // Homelessness: E1 only (the removed January town hall never counts; the 1,000s are out of range).
    expect(cells((await team.call('GET', `${URL}?${H1}&groupBy=year&population=homelessness`)).body.rows)).toEqual([['2026', null, 1, 10]]);
    expect(cells((await team.call('GET', `${URL}?${H1}&groupBy=year&population=homelessness&type=outreach_meeting`)).body.rows)).toEqual([['2026', null, 1, 10]]);
    // Filters combine (and): no homelessness workgroup → no rows.
    expect((await team.call('GET', `${URL}?${H1}&groupBy=year&population=homelessness&type=workgroup`)).body.rows).toEqual([]);
  });

  it('CSV with filters: the same rows as the JSON', async () => {
    const team = await who('collaboration_team');
    const q = `${URL}?${H1}&groupBy=year&by=population&spa=spa6`;
    const res = await t.app.inject({ method: 'GET', url: q, headers: { ...team.headers, accept: 'text/csv' } });
    expect(res.statusCode).toBe(200);
    // spa6: E1 (homelessness+mental_health, 10) and the series' three (healthy_pregnancy 7+8+9).
    expect(res.body.split('\r\n')).toEqual([
      'period,population,label,events,attendees',
      `2026,TOTAL,"${ENGAGEMENT_COUNTING}",4,34`,
      '2026,healthy_pregnancy,,3,24',
      '2026,homelessness,,1,10',
      '2026,mental_health,,1,10',
      '',
    ]);
    expect(cells((await team.call('GET', q)).body.rows)).toEqual([
      ['2026', null, 4, 34],
      ['2026', 'healthy_pregnancy', 3, 24],
      ['2026', 'homelessness', 1, 10],
      ['2026', 'mental_health', 1, 10],
    ]);
  });

  it('refuses a bad filter value with 400', async () => {
    const team = await who('collaboration_team');
    for (const bad of ['spa=spa99', 'population=everyone', 'type=party', 'staffId=ada']) {
      const res = await team.call('GET', `${URL}?${H1}&${bad}`);
      expect([bad, res.status, res.body.code]).toEqual([bad, 400, 'validation_failed']);
    }
  });

  it('refuses a repeated or unknown dimension, or a malformed list, with 400 validation_failed on `by`', async () => {
    const team = await who('collaboration_team');
    for (const by of ['spa,spa', 'spa,organization', 'spa,', ',spa', 'spa;population', 'spa,population,type,staff,spa']) {
      const res = await team.call('GET', `${URL}?${H1}&by=${encodeURIComponent(by)}`);
      expect([by, res.status, res.headers['content-type'], res.body.code, res.body.errors?.[0]?.path]).toEqual([by, 400, 'application/problem+json; charset=utf-8', 'validation_failed', expect.stringMatching(/^query\.by/)]);
    }
  });

  it('defaults to the year up to today, with no parameters', async () => {
    const team = await who('collaboration_team');
    const res = await team.call('GET', URL);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groupBy: 'month', by: null });
    expect(res.body.to > res.body.from).toBe(true);
  });
});

describe('GET /api/v1/reports/engagement/state-quarterly', () => {
  const CATS = ['homelessness', 'justice_involvement', 'healthy_pregnancy', 'mental_health', 'substance_use', 'complex_health_conditions', 'other'];
  /** A month's (or the quarter's) rows: [total events, total attendees], then [events, attendees] per category in the State's order. */
  const grid = (rows: { month: string | null; category: string | null; events: number; attendees: number }[], month: string | null) =>
    rows.filter((r) => r.month === month).map((r) => [r.category, r.events, r.attendees]);
  const expectCells = (total: [number, number], per: Record<string, [number, number]>) => [
    [null, ...total],
    ...CATS.map((c) => [c, ...(per[c] ?? [0, 0])]),
  ];

  it("rolls up Q1 by month and the State's categories, every cell and total exact", async () => {
    const team = await who('collaboration_team');
    const res = await team.call('GET', `${URL}/state-quarterly?year=2026&quarter=1`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31', counting: STATE_QUARTERLY_COUNTING });
    expect(res.body.rows).toHaveLength(4 * 8);
    expect(grid(res.body.rows, '2026-01')).toEqual(expectCells([2, 30], { homelessness: [1, 10], mental_health: [1, 10], complex_health_conditions: [1, 20] }));
    expect(grid(res.body.rows, '2026-02')).toEqual(expectCells([2, 12], { healthy_pregnancy: [1, 7], substance_use: [1, 5], other: [1, 5] }));
    expect(grid(res.body.rows, '2026-03')).toEqual(expectCells([1, 8], { healthy_pregnancy: [1, 8] }));
    expect(grid(res.body.rows, null)).toEqual(
      expectCells([5, 50], { homelessness: [1, 10], healthy_pregnancy: [2, 15], mental_health: [1, 10], substance_use: [1, 5], complex_health_conditions: [1, 20], other: [1, 5] }),
    );
  });

  it('Q2: the removed May occurrence never counts, the June 30 evening does', async () => {
    const team = await who('network_admin');
    const res = await team.call('GET', `${URL}/state-quarterly?year=2026&quarter=2`);
    expect(grid(res.body.rows, '2026-04')).toEqual(expectCells([1, 9], { healthy_pregnancy: [1, 9] }));
    expect(grid(res.body.rows, '2026-05')).toEqual(expectCells([0, 0], {}));
    expect(grid(res.body.rows, '2026-06')).toEqual(expectCells([1, 3], { justice_involvement: [1, 3] }));
    expect(grid(res.body.rows, null)).toEqual(expectCells([2, 12], { healthy_pregnancy: [1, 9], justice_involvement: [1, 3] }));
  });

  it('answers CSV with the State’s names and the totals marked', async () => {
    const team = await who('collaboration_team');
    const res = await t.app.inject({ method: 'GET', url: `${URL}/state-quarterly?year=2026&quarter=1`, headers: { ...team.headers, accept: 'text/csv' } });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.split('\r\n');
    expect(lines.slice(0, 9)).toEqual([
      'month,category,categoryName,events,attendees',
      `2026-01,TOTAL,"${STATE_QUARTERLY_COUNTING}",2,30`,
      '2026-01,homelessness,Homelessness,1,10',
      '2026-01,justice_involvement,Justice involvement,0,0',
      '2026-01,healthy_pregnancy,Barriers to a healthy pregnancy,0,0',
      '2026-01,mental_health,Mental health,1,10',
      '2026-01,substance_use,Substance use,0,0',
      '2026-01,complex_health_conditions,Complex health conditions,1,20',
      '2026-01,other,Other,0,0',
    ]);
    expect(lines[25]).toBe(`2026-Q1 TOTAL,TOTAL,"${STATE_QUARTERLY_COUNTING}",5,50`);
    expect(lines).toHaveLength(1 + 32 + 1);
  });

  it('the kept roll-up follows every write: an event logged, edited (attendees, populations, date) and removed through the API', async () => {
    const team = await who('collaboration_team');
    const q3 = async () => grid((await team.call('GET', `${URL}/state-quarterly?year=2027&quarter=3`)).body.rows, null);
    const created = await team.call('POST', '/api/v1/engagement/events', { title: 'Roll-up', type: 'town_hall', startsAt: '2027-07-31T23:30:00-07:00', spas: ['spa4'], focusPopulations: ['homelessness', 'complex_health'], attendeeCount: 11 });
    expect(created.status).toBe(201);
    expect(await q3()).toEqual(expectCells([1, 11], { homelessness: [1, 11], complex_health_conditions: [1, 11] }));
    const jul = grid((await team.call('GET', `${URL}/state-quarterly?year=2027&quarter=3`)).body.rows, '2027-07');
    expect(jul[0]).toEqual([null, 1, 11]);
    const edited = await team.call('PATCH', `/api/v1/engagement/events/${created.body.id}`, { attendeeCount: 4, focusPopulations: ['other', 'substance_use'], startsAt: '2027-08-01T10:00:00-07:00', version: created.body.version });
    expect(edited.status).toBe(200);
    const after = (await team.call('GET', `${URL}/state-quarterly?year=2027&quarter=3`)).body.rows;
    expect(grid(after, '2027-07')[0]).toEqual([null, 0, 0]);
    expect(grid(after, '2027-08')).toEqual(expectCells([1, 4], { substance_use: [1, 4], other: [1, 4] }));
    const removed = await team.call('DELETE', `/api/v1/engagement/events/${created.body.id}`, { reason: 'Test' }, { 'if-match': `"${edited.body.version}"` });
    expect(removed.status).toBe(200);
    expect(await q3()).toEqual(expectCells([0, 0], {}));
  });

  it("the roll-up's SQL category map is the contract's, for every focus population and an unknown one", async () => {
    for (const p of [...FOCUS_POPULATIONS, 'not_a_population']) {
      const { rows } = await t.db.execute<{ c: string }>(sql`select engagement_state_category(${p}) as c`);
      expect([p, rows[0]!.c]).toEqual([p, stateCategoryOf(p)]);
    }
  });

  it('defaults to the last quarter that has ended; year without quarter is 400', async () => {
    const team = await who('collaboration_team');
    const res = await team.call('GET', `${URL}/state-quarterly`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(32);
    const bad = await team.call('GET', `${URL}/state-quarterly?year=2026`);
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
  });
});

describe('who reads the reports', () => {
  it('the collaboration team, board coordinators and network admins; others 403, API keys refused', async () => {
    for (const role of ['staff', 'org_admin'] as const) {
      const m = await who(role);
      for (const url of [URL, `${URL}/state-quarterly`]) expect([role, url, (await m.call('GET', url)).status]).toEqual([role, url, 403]);
    }
    const key = await apiKey(t, f.hq, ['engagement:read']);
    for (const url of [URL, `${URL}/state-quarterly`]) expect((await key('GET', url)).status).toBe(403);
  });

  it('refuses bad ranges and unknown parameters with 400', async () => {
    const team = await who('collaboration_team');
    expect((await team.call('GET', `${URL}?from=2026-03-01&to=2026-02-01`)).status).toBe(400);
    expect((await team.call('GET', `${URL}?by=organization`)).status).toBe(400);
    expect((await team.call('GET', `${URL}?extra=1`)).status).toBe(400);
  });
});
