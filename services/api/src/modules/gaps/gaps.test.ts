import { newClient, newOrg, newService } from '@tandem/db/testing';
import { schema } from '@tandem/db';
import { member, testApp, type Call, type TestApp } from '../../testing/app';
import { periodOf } from './service';

let t: TestApp;
let collab: Call;
let coordinator: Call;
let staff: Call;
let collabId: string;
const GAPS = '/api/v1/engagement/gaps';

/*
 * The fixture, computed by hand (period 2026-03-01..2026-03-31, Los Angeles dates):
 *
 * services                      SPAs        categories               status    capacity
 *   S1                          spa1        housing, food            active    full
 *   S2                          spa1        housing                  active    waitlist
 *   S3                          spa6        food                     active    accepting
 *   S4                          spa6        food                     inactive  accepting
 *   S5 (housing navigation CS)  spa1, spa6  housing                  active    accepting
 *
 * referrals (need → service, status/reason, sent)
 *   R1  housing → S1 declined no_capacity   03-05        R7  food → S3 declined client_declined 03-14
 *   R2  housing → S1 declined no_capacity   03-20        R8  housing → S5 declined no_capacity  03-15 (both SPAs)
 *   R3  housing → S2 declined not_eligible  03-10        R9  housing → S1 declined no_capacity  02-28 23:30 LA (outside)
 *   R4  food → S1 declined out_of_area      03-11        R10 housing → S1 declined no_capacity  03-31 23:30 LA (inside)
 *   R5  food → S3 declined no_capacity      03-12        R11 food → S3 entered_in_error         03-12 (never counts)
 *   R6  food → S3 accepted                  03-13        R12 food → S3 draft, never sent        (never counts)
 *
 * cells (active, accepting | sent, unmet):
 *   spa1 housing: S1 S2 S5 → 3, 1 | R1 R2 R3 R8 R10 → 5, 5 (no_capacity 4, not_eligible 1)
 *   spa1 food:    S1       → 1, 0 | R4             → 1, 1 (out_of_area 1)
 *   spa6 food:    S3 (S4 inactive) → 1, 1 | R5 R6 R7 → 3, 1
 *   spa6 housing: S5       → 1, 1 | R8             → 1, 1
 */
beforeAll(async () => {
  t = await testApp();
  const network = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
  const clinic = await newOrg(t.db, { name: 'Clinic', type: 'clinic' });
  const cbo = await newOrg(t.db, { name: 'CBO' });
  const c = await member(t, network, 'collaboration_team', 'Rosa Collab');
  collab = c.call;
  collabId = c.user.id;
  coordinator = (await member(t, network, 'board_coordinator')).call;
  staff = (await member(t, clinic, 'staff')).call;

  const svc = (spas: string[], categories: string[], status: string, capacityStatus: string, communitySupport?: string) =>
    newService(t.db, cbo.id, { spas, categories, status, capacityStatus, communitySupport } as Parameters<typeof newService>[2]);
  const s1 = await svc(['spa1'], ['housing-instability', 'food-insecurity'], 'active', 'full');
  const s2 = await svc(['spa1'], ['housing-instability'], 'active', 'waitlist');
  const s3 = await svc(['spa6'], ['food-insecurity'], 'active', 'accepting');
  const s4 = await svc(['spa6'], ['food-insecurity'], 'inactive', 'accepting');
  const s5 = await svc(['spa1', 'spa6'], ['housing-instability'], 'active', 'accepting', 'housing_transition_navigation');
  void s4;
  const client = await newClient(t.db, clinic);
  const H = 'housing-instability' as const;
  const F = 'food-insecurity' as const;
  const r = (need: typeof H | typeof F, service: { id: string }, status: string, statusReason: string | null, sentAt: string | null) => ({
    sendingOrgId: clinic.id,
    receivingOrgId: cbo.id,
    receivingServiceId: service.id,
    clientId: client.id,
    needs: [need],
    reason: 'Fixture',
    status,
    statusReason,
    sentAt: sentAt ? new Date(sentAt) : null,
  });
  await t.db.insert(schema.referrals).values(
    [
      r(H, s1, 'declined', 'no_capacity', '2026-03-05T18:00:00Z'),
      r(H, s1, 'declined', 'no_capacity', '2026-03-20T18:00:00Z'),
      r(H, s2, 'declined', 'not_eligible', '2026-03-10T18:00:00Z'),
      r(F, s1, 'declined', 'out_of_area', '2026-03-11T18:00:00Z'),
      r(F, s3, 'declined', 'no_capacity', '2026-03-12T18:00:00Z'),
      r(F, s3, 'accepted', null, '2026-03-13T18:00:00Z'),
      r(F, s3, 'declined', 'client_declined', '2026-03-14T18:00:00Z'),
      r(H, s5, 'declined', 'no_capacity', '2026-03-15T18:00:00Z'),
      r(H, s1, 'declined', 'no_capacity', '2026-03-01T07:30:00Z'), // Feb 28, 23:30 in LA
      r(H, s1, 'declined', 'no_capacity', '2026-04-01T06:30:00Z'), // Mar 31, 23:30 in LA (PDT)
      r(F, s3, 'entered_in_error', null, '2026-03-12T18:00:00Z'),
      r(F, s3, 'draft', null, null),
    ] as (typeof schema.referrals.$inferInsert)[],
  );
});
afterAll(() => t.close());

const create = async (over: Record<string, unknown> = {}) => {
  const res = await collab('POST', GAPS, { title: 'Too few shelter beds in the Antelope Valley', spa: 'spa1', category: 'housing-instability', severity: 'high', ...over });
  expect(res.status).toBe(201);
  return res.body;
};

describe('GET /api/v1/engagement/coverage', () => {
  it('counts supply, demand and unmet demand per SPA × category exactly (hand-computed fixture)', async () => {
    const gap = await create();
    const res = await coordinator('GET', '/api/v1/engagement/coverage?from=2026-03-01&to=2026-03-31');
    expect(res.status).toBe(200);
    expect(res.body.cells).toEqual([
      { spa: 'spa1', key: 'food-insecurity', activeServices: 1, acceptingServices: 0, referralsSent: 1, unmetDemand: 1, openGaps: 0 },
      { spa: 'spa1', key: 'housing-instability', activeServices: 3, acceptingServices: 1, referralsSent: 5, unmetDemand: 5, openGaps: 1 },
      { spa: 'spa6', key: 'food-insecurity', activeServices: 1, acceptingServices: 1, referralsSent: 3, unmetDemand: 1, openGaps: 0 },
      { spa: 'spa6', key: 'housing-instability', activeServices: 1, acceptingServices: 1, referralsSent: 1, unmetDemand: 1, openGaps: 0 },
    ]);
    expect(res.body.spas).toHaveLength(8);
    // A gap no longer open leaves the count.
    await collab('POST', `${GAPS}/${gap.id}/transitions`, { to: 'not_pursued', rationale: 'Fixture' }, { 'if-match': '"1"' });
    const after = await coordinator('GET', '/api/v1/engagement/coverage?from=2026-03-01&to=2026-03-31');
    expect(after.body.cells[1]).toMatchObject({ key: 'housing-instability', openGaps: 0 });
  });

  it('moves a referral sent at 23:30 on the last day (LA) in and out with the period', async () => {
    const res = await collab('GET', '/api/v1/engagement/coverage?from=2026-03-01&to=2026-03-30');
    expect(res.body.cells[1]).toMatchObject({ spa: 'spa1', key: 'housing-instability', referralsSent: 4, unmetDemand: 4 });
    const feb = await collab('GET', '/api/v1/engagement/coverage?from=2026-02-28&to=2026-02-28');
    expect(feb.body.cells).toEqual([
      expect.objectContaining({ spa: 'spa1', key: 'food-insecurity', referralsSent: 0 }),
      expect.objectContaining({ spa: 'spa1', key: 'housing-instability', referralsSent: 1, unmetDemand: 1 }),
      expect.objectContaining({ spa: 'spa6', key: 'food-insecurity', referralsSent: 0 }),
      expect.objectContaining({ spa: 'spa6', key: 'housing-instability', referralsSent: 0 }),
    ]);
  });

  it('counts by Community Support: every need of a referral to the service counts', async () => {
    const res = await collab('GET', '/api/v1/engagement/coverage?from=2026-03-01&to=2026-03-31&axis=community_support');
    expect(res.body.cells).toEqual([
      { spa: 'spa1', key: 'housing_transition_navigation', activeServices: 1, acceptingServices: 1, referralsSent: 1, unmetDemand: 1, openGaps: 0 },
      { spa: 'spa6', key: 'housing_transition_navigation', activeServices: 1, acceptingServices: 1, referralsSent: 1, unmetDemand: 1, openGaps: 0 },
    ]);
  });

  it('defaults the period to the twelve months up to today (Los Angeles)', async () => {
    const res = await collab('GET', '/api/v1/engagement/coverage?to=2026-03-31');
    expect([res.body.from, res.body.to]).toEqual(['2025-04-01', '2026-03-31']);
    expect(res.body.cells[1]).toMatchObject({ key: 'housing-instability', referralsSent: 6 });
    expect(periodOf({ to: '2024-02-29' })).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(periodOf({}, new Date('2026-07-01T05:00:00Z'))).toEqual({ from: '2025-07-01', to: '2026-06-30' });
  });

  it('refuses unknown parameters and a reversed period with 400', async () => {
    expect((await collab('GET', '/api/v1/engagement/coverage?from=2026-03-01&to=2026-03-31&spa=spa1')).status).toBe(400);
    expect((await collab('GET', '/api/v1/engagement/coverage?from=2026-03-31&to=2026-03-01')).status).toBe(400);
  });
});

describe('GET /api/v1/engagement/gaps/:id/evidence', () => {
  it("counts the gap's declines by reason, full and waitlisted services, and its notes", async () => {
    const gap = await create();
    for (const note of ['Three clients turned away this week', 'Shelter intake closed on weekends']) {
      expect((await collab('POST', `${GAPS}/${gap.id}/notes`, { note })).status).toBe(200);
    }
    const march = await coordinator('GET', `${GAPS}/${gap.id}/evidence?from=2026-03-01&to=2026-03-31`);
    expect(march.body).toEqual({
      gapId: gap.id,
      from: '2026-03-01',
      to: '2026-03-31',
      declines: { no_capacity: 4, out_of_area: 0, not_eligible: 1, total: 5 },
      referralsSent: 5,
      servicesFull: 1,
      servicesWaitlist: 1,
      notes: 0,
    });
    const wide = await coordinator('GET', `${GAPS}/${gap.id}/evidence?from=2026-03-01&to=2030-12-31`);
    expect(wide.body).toMatchObject({ referralsSent: 5, notes: 2 });
    const food = await create({ spa: 'spa6', category: 'food-insecurity' });
    const foodEvidence = await collab('GET', `${GAPS}/${food.id}/evidence?from=2026-03-01&to=2026-03-31`);
    expect(foodEvidence.body).toMatchObject({ declines: { no_capacity: 1, out_of_area: 0, not_eligible: 0, total: 1 }, referralsSent: 3, servicesFull: 0, servicesWaitlist: 0 });
  });
});

describe('the gap register', () => {
  it('creates, escalates, resolves with a linked agreement, and keeps the history', async () => {
    const gap = await create({ ownerUserId: collabId, focusPopulation: 'homelessness' });
    expect(gap).toMatchObject({ status: 'identified', ownerName: 'Rosa Collab', allowedTransitions: ['escalated', 'in_progress', 'not_pursued'], version: 1 });
    const esc = await collab('POST', `${GAPS}/${gap.id}/transitions`, { to: 'escalated', rationale: 'To the contracts division' }, { 'if-match': '"1"' });
    expect(esc.status).toBe(200);
    expect(esc.body).toMatchObject({ status: 'escalated', statusRationale: 'To the contracts division', version: 2 });
    const [mou] = await t.db.insert(schema.agreements).values({ kind: 'mou', title: 'Shelter MOU' }).returning();
    const linked = await collab('PATCH', `${GAPS}/${gap.id}`, { linkedAgreementIds: [mou!.id] }, { 'if-match': '"2"' });
    expect(linked.body).toMatchObject({ linkedAgreementIds: [mou!.id], version: 3 });
    const done = await collab('POST', `${GAPS}/${gap.id}/transitions`, { to: 'resolved', version: 3 });
    expect(done.body).toMatchObject({ status: 'resolved', allowedTransitions: [] });
    const history = await coordinator('GET', `${GAPS}/${gap.id}/history`);
    expect(history.body.data.map((e: { kind: string }) => e.kind)).toEqual(['status_changed', 'updated', 'status_changed', 'created']);
    expect(history.body.data[1].changes).toEqual({ linkedAgreementIds: { from: [], to: [mou!.id] } });
    const list = await coordinator('GET', `${GAPS}?status=resolved`);
    expect(list.body.data.map((g: { id: string }) => g.id)).toContain(gap.id);
  });

  it('refuses a move the status machine refuses (409), not_pursued without a rationale (400), and a write without If-Match (428)', async () => {
    const gap = await create();
    expect((await collab('POST', `${GAPS}/${gap.id}/transitions`, { to: 'resolved' }, { 'if-match': '"1"' })).body.code).toBe('invalid_transition');
    const noWhy = await collab('POST', `${GAPS}/${gap.id}/transitions`, { to: 'not_pursued' }, { 'if-match': '"1"' });
    expect([noWhy.status, noWhy.body.code]).toEqual([400, 'validation_failed']);
    expect((await collab('POST', `${GAPS}/${gap.id}/transitions`, { to: 'escalated' })).status).toBe(428);
    expect((await collab('PATCH', `${GAPS}/${gap.id}`, { severity: 'low' }, { 'if-match': '"7"' })).body.code).toBe('stale_version');
    expect((await collab('GET', `${GAPS}/${gap.id}`)).body).toMatchObject({ status: 'identified', severity: 'high', version: 1 });
  });

  it('replaces the subject when an update names the other kind (category ↔ Community Support)', async () => {
    const gap = await create({ spa: 'spa3', category: null, communitySupport: 'sobering_centers' });
    const res = await collab('PATCH', `${GAPS}/${gap.id}`, { category: 'stress' }, { 'if-match': '"1"' });
    expect([res.status, res.body.category, res.body.communitySupport]).toEqual([200, 'stress', null]);
    expect((await collab('PATCH', `${GAPS}/${gap.id}`, { category: null }, { 'if-match': '"2"' })).status).toBe(400);
  });

  it('refuses an unknown agreement or an owner who is not network staff with 422 naming the field', async () => {
    const bad = await collab('POST', GAPS, { title: 'Gap', spa: 'spa2', category: 'food-insecurity', linkedAgreementIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([bad.status, bad.body.code, bad.body.errors[0].path]).toEqual([422, 'reference_not_found', 'body.linkedAgreementIds']);
    const staffUser = (await member(t, await newOrg(t.db), 'staff')).user;
    const owner = await collab('POST', GAPS, { title: 'Gap', spa: 'spa2', category: 'food-insecurity', ownerUserId: staffUser.id });
    expect([owner.status, owner.body.errors[0].path]).toEqual([422, 'body.ownerUserId']);
    const both = await collab('POST', GAPS, { title: 'Gap', spa: 'spa2', category: 'food-insecurity', communitySupport: 'sobering_centers' });
    expect(both.status).toBe(400);
  });

  it('lets board coordinators read but not write, and refuses partner staff', async () => {
    const gap = await create();
    expect((await coordinator('GET', `${GAPS}/${gap.id}`)).status).toBe(200);
    expect((await coordinator('POST', GAPS, { title: 'Gap', spa: 'spa2', category: 'food-insecurity' })).status).toBe(403);
    expect((await coordinator('POST', `${GAPS}/${gap.id}/notes`, { note: 'x' })).status).toBe(403);
    expect((await staff('GET', GAPS)).status).toBe(403);
    expect((await staff('GET', '/api/v1/engagement/coverage?from=2026-03-01&to=2026-03-31')).status).toBe(403);
    expect((await collab('GET', `${GAPS}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
