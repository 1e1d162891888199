import { newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

// Written from issue 25 ("Partnership pipeline"): logged events move their partners' stage, forward only.
let t: TestApp;
let team: { headers: Record<string, string> };
beforeAll(async () => {
  t = await testApp();
  const hq = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
  team = { headers: await signIn(t.app, (await newUser(t.db, { org: hq, role: 'collaboration_team' })).email) };
});
afterAll(() => t.close());

const URL = '/api/v1/engagement/events';
const event = { title: 'Partner visit', startsAt: '2026-03-10T10:00:00-07:00', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 4 };
const log = async (type: string, organizationIds: string[]) => {
  const res = await t.app.inject({ method: 'POST', url: URL, headers: team.headers, payload: { ...event, type, organizationIds } });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
};
const org = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${id}`, headers: team.headers })).json();
const history = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${id}/history`, headers: team.headers })).json().data as { action: string; changes: Record<string, { from: unknown; to: unknown }> }[];

describe('partnership stage moves with logged events', () => {
  it('an outreach meeting moves a prospect to outreach, and its history names the event', async () => {
    const pantry = await newOrg(t.db);
    const e = await log('outreach_meeting', [pantry.id]);
    const o = await org(pantry.id);
    expect(o.partnershipStage).toBe('outreach');
    expect(o.stageDates.outreach).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [h] = await history(pantry.id);
    expect(h).toMatchObject({ action: 'organization.stage_advance', changes: { partnershipStage: { from: 'prospect', to: 'outreach' }, causeEventId: { from: null, to: e.id } } });
  });

  it('a service assessment moves a prospect or an organization at outreach to assessed', async () => {
    const a = await newOrg(t.db);
    const b = await newOrg(t.db, { partnershipStage: 'outreach' });
    const e = await log('service_assessment', [a.id, b.id]);
    for (const o of [a, b]) {
      expect((await org(o.id)).partnershipStage).toBe('assessed');
      expect((await history(o.id))[0]).toMatchObject({ changes: { partnershipStage: { to: 'assessed' }, causeEventId: { to: e.id } } });
    }
  });

  it('an outreach meeting with an assessed organization changes nothing, and a partnered one never moves back', async () => {
    const assessed = await newOrg(t.db, { partnershipStage: 'assessed' });
    const partnered = await newOrg(t.db, { partnershipStage: 'partnered' });
    await log('outreach_meeting', [assessed.id, partnered.id]);
    await log('service_assessment', [partnered.id]);
    for (const [o, stage] of [[assessed, 'assessed'], [partnered, 'partnered']] as const) {
      const now = await org(o.id);
      expect(now).toMatchObject({ partnershipStage: stage, version: o.version });
      expect(await history(o.id)).toEqual([]);
    }
  });

  it('other kinds of event move nothing; changing the type to an assessment moves the partner', async () => {
    const clinic = await newOrg(t.db);
    const e = await log('workgroup', [clinic.id]);
    expect((await org(clinic.id)).partnershipStage).toBe('prospect');
    const res = await t.app.inject({ method: 'PATCH', url: `${URL}/${e.id}`, headers: { ...team.headers, 'if-match': `"${e.version}"` }, payload: { type: 'service_assessment' } });
    expect(res.statusCode).toBe(200);
    expect((await org(clinic.id)).partnershipStage).toBe('assessed');
    expect((await history(clinic.id))[0]).toMatchObject({ changes: { causeEventId: { to: e.id } } });
  });

});

describe('GET /api/v1/reports/pipeline', () => {
  type Row = { spa: string | null; counts: Record<string, number>; total: number };
  const report = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/reports/pipeline${query}`, headers: team.headers });
    expect(res.statusCode).toBe(200);
    return res.json() as { stages: string[]; rows: Row[] };
  };
  const row = (r: { rows: Row[] }, spa: string | null) => r.rows.find((x) => x.spa === spa)!;

  it('counts organizations at each stage per SPA, each once in the total, and moves with logged events', async () => {
    const before = await report();
    expect(before.stages).toEqual(['prospect', 'outreach', 'assessed', 'partnered']);
    expect(before.rows.map((r) => r.spa)).toEqual(['spa1', 'spa2', 'spa3', 'spa4', 'spa5', 'spa6', 'spa7', 'spa8', null]);
    const both = await newOrg(t.db, { spas: ['spa6', 'spa7'] });
    await newOrg(t.db, { spas: ['spa7'], partnershipStage: 'partnered' });
    await log('outreach_meeting', [both.id]);
    const after = await report();
    const delta = (spa: string | null) => Object.fromEntries(Object.entries(row(after, spa).counts).map(([k, n]) => [k, n - row(before, spa).counts[k]!]));
    expect(delta('spa6')).toEqual({ prospect: 0, outreach: 1, assessed: 0, partnered: 0 });
    expect(delta('spa7')).toEqual({ prospect: 0, outreach: 1, assessed: 0, partnered: 1 });
    expect(delta(null)).toEqual({ prospect: 0, outreach: 1, assessed: 0, partnered: 1 });
    expect(row(after, null).total).toBe(Object.values(row(after, null).counts).reduce((a, b) => a + b, 0));
  });

  it('answers the same rows as CSV: a spa column (TOTAL for the total), one column per stage, and the total', async () => {
    const json = await report('?spa=spa6');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/pipeline?spa=spa6', headers: { ...team.headers, accept: 'text/csv' } });
    expect([res.statusCode, res.headers['content-type'], res.headers['content-disposition']]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="partnership-pipeline-spa6.csv"']);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('spa,prospect,outreach,assessed,partnered,total');
    expect(lines.slice(1)).toEqual(json.rows.map((r) => [r.spa ?? 'TOTAL', ...json.stages.map((s) => r.counts[s]), r.total].join(',')));
  });

  it('narrows to one SPA, and refuses an unknown query field or SPA with 400', async () => {
    const r = await report('?spa=spa3');
    expect(r.rows.map((x) => x.spa)).toEqual(['spa3', null]);
    expect(row(r, null).counts).toEqual(row(r, 'spa3').counts);
    for (const q of ['?spa=spa9', '?stage=prospect']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/pipeline${q}`, headers: team.headers })).statusCode).toBe(400);
    }
  });
});
