import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newEngagementEvent, newOrg, newUser } from '@tandem/db/testing';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
let hq: { id: string };
beforeAll(async () => {
  t = await testApp();
  hq = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
});
afterAll(() => t.close());

const member = async (role: Role, org?: { id: string }) => {
  const o = org ?? (['staff', 'org_admin'].includes(role) ? await newOrg(t.db) : hq);
  const user = await newUser(t.db, { org: o, role });
  return { org: o, user, headers: await signIn(t.app, user.email) };
};
const URL = '/api/v1/engagement/events';
const quick = { title: 'Pantry outreach', type: 'outreach_meeting', startsAt: '2026-03-10T10:00:00-07:00', spas: ['spa4'], focusPopulations: ['homelessness'], attendeeCount: 9 };
const historyOf = (id: string) => t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityType, 'engagement_event'), eq(schema.auditLog.entityId, id))).orderBy(schema.auditLog.at);

describe('POST /api/v1/engagement/events', () => {
  it('logs a quick entry with only the required fields, defaults the rest, and records it in the history', async () => {
    const team = await member('collaboration_team');
    const res = await t.app.inject({ method: 'POST', url: URL, headers: team.headers, payload: quick });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(res.headers.location).toBe(`${URL}/${e.id}`);
    expect(e).toMatchObject({
      title: 'Pantry outreach',
      startsAt: '2026-03-10T17:00:00.000Z',
      modality: 'in_person',
      durationMinutes: null,
      organizationIds: [],
      staffLeadIds: [],
      followUps: [],
      gapIds: [],
      attendeesByGroup: { communityMembers: null, cboStaff: null },
      view: 'full',
      version: 1,
    });
    const [h] = await historyOf(e.id);
    expect(h).toMatchObject({ action: 'engagement_event.create', actorUserId: team.user.id });
    expect(h!.changes).toMatchObject({ title: { from: null, to: 'Pantry outreach' }, attendeeCount: { from: null, to: 9 } });
  });

  it('names partner organizations and staff leads', async () => {
    const admin = await member('network_admin');
    const lead = await member('collaboration_team');
    const pantry = await newOrg(t.db, { name: 'Eastside Pantry' });
    const res = await t.app.inject({ method: 'POST', url: URL, headers: admin.headers, payload: { ...quick, organizationIds: [pantry.id], staffLeadIds: [lead.user.id] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organizations: [{ id: pantry.id, name: 'Eastside Pantry' }], staffLeads: [{ id: lead.user.id, name: lead.user.name }] });
  });

  it('refuses attendee groups above the total with 400 naming the group, and keeps nothing', async () => {
    const team = await member('collaboration_team');
    const title = `Too many ${randomUUID()}`;
    const res = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: team.headers,
      payload: { ...quick, title, attendeeCount: 10, attendeesByGroup: { communityMembers: 6, cboStaff: 5, livedExperience: 11 } },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'validation_failed']);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.attendeesByGroup.livedExperience', code: 'engagement.attendees_exceed_total' })]),
    );
    expect(await t.db.select().from(schema.engagementEvents).where(eq(schema.engagementEvents.title, title))).toEqual([]);
  });

  it('refuses unknown organizations, staff leads who hold no network role, and any gap id (none wired) with 422', async () => {
    const team = await member('collaboration_team');
    const partnerStaff = await member('staff');
    const title = `Refs ${randomUUID()}`;
    const res = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: team.headers,
      payload: { ...quick, title, organizationIds: [randomUUID()], staffLeadIds: [partnerStaff.user.id], gapIds: [randomUUID()] },
    });
    expect([res.statusCode, res.json().code]).toEqual([422, 'reference_not_found']);
    expect(res.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.gapIds.0', 'body.organizationIds.0', 'body.staffLeadIds.0']);
    expect(await t.db.select().from(schema.engagementEvents).where(eq(schema.engagementEvents.title, title))).toEqual([]);
  });

  it('refuses an empty SPA list, an unknown population and unknown fields (400)', async () => {
    const team = await member('collaboration_team');
    for (const bad of [{ ...quick, spas: [] }, { ...quick, focusPopulations: ['veterans'] }, { ...quick, color: 'red' }, { ...quick, attendeeCount: -1 }]) {
      const res = await t.app.inject({ method: 'POST', url: URL, headers: team.headers, payload: bad });
      expect([res.statusCode, res.json().code]).toEqual([400, 'validation_failed']);
    }
  });
});

describe('PATCH /api/v1/engagement/events/:id', () => {
  it('changes the fields given, replaces lists, bumps the version and records the changes', async () => {
    const team = await member('collaboration_team');
    const org = await newOrg(t.db);
    const e = await newEngagementEvent(t.db);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `${URL}/${e.id}`,
      headers: { ...team.headers, 'if-match': '"1"' },
      payload: { attendeeCount: 20, organizationIds: [org.id], followUps: [{ text: 'Call back', done: true }] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ attendeeCount: 20, organizationIds: [org.id], followUps: [{ text: 'Call back', done: true }], version: 2, title: e.title });
    const [h] = await historyOf(e.id);
    expect(h).toMatchObject({ action: 'engagement_event.update' });
    expect(Object.keys(h!.changes!).sort()).toEqual(['attendeeCount', 'followUps', 'organizationIds']);
    expect(h!.changes!.organizationIds).toEqual({ from: [], to: [org.id] });
  });

  it('checks the groups against the total after the change (lowering the total below the groups is 400)', async () => {
    const team = await member('collaboration_team');
    const e = await newEngagementEvent(t.db, { attendeeCount: 12, communityMembers: 4, cboStaff: 6 });
    const res = await t.app.inject({ method: 'PATCH', url: `${URL}/${e.id}`, headers: { ...team.headers, 'if-match': '"1"' }, payload: { attendeeCount: 8 } });
    expect([res.statusCode, res.json().code, res.json().errors[0].path]).toEqual([400, 'validation_failed', 'body.attendeesByGroup']);
    const [row] = await t.db.select().from(schema.engagementEvents).where(eq(schema.engagementEvents.id, e.id));
    expect([row!.attendeeCount, row!.version]).toEqual([12, 1]);
  });

  it('answers 409 stale_version to an old version, 428 without one, and writes nothing when nothing changes', async () => {
    const team = await member('collaboration_team');
    const e = await newEngagementEvent(t.db);
    const stale = await t.app.inject({ method: 'PATCH', url: `${URL}/${e.id}`, headers: { ...team.headers, 'if-match': '"7"' }, payload: { title: 'New' } });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'stale_version']);
    const none = await t.app.inject({ method: 'PATCH', url: `${URL}/${e.id}`, headers: team.headers, payload: { title: 'New' } });
    expect(none.statusCode).toBe(428);
    const same = await t.app.inject({ method: 'PATCH', url: `${URL}/${e.id}`, headers: { ...team.headers, 'if-match': '"1"' }, payload: { title: e.title, spas: e.spas } });
    expect([same.statusCode, same.json().version]).toEqual([200, 1]);
    expect(await historyOf(e.id)).toEqual([]);
  });
});

describe('DELETE /api/v1/engagement/events/:id', () => {
  it('removes the event with a reason: it leaves reads and lists, the row and reason stay in the history', async () => {
    const team = await member('collaboration_team');
    const e = await newEngagementEvent(t.db, { title: `Twice ${randomUUID()}` });
    const noReason = await t.app.inject({ method: 'DELETE', url: `${URL}/${e.id}`, headers: { ...team.headers, 'if-match': '"1"' }, payload: {} });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'DELETE', url: `${URL}/${e.id}`, headers: { ...team.headers, 'if-match': '"1"' }, payload: { reason: 'Logged twice' } });
    expect([res.statusCode, res.json().version, res.json().deleteReason]).toEqual([200, 2, 'Logged twice']);
    expect((await t.app.inject({ method: 'GET', url: `${URL}/${e.id}`, headers: team.headers })).statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: `${URL}?limit=200`, headers: team.headers });
    expect(list.json().data.map((x: { id: string }) => x.id)).not.toContain(e.id);
    const [row] = await t.db.select().from(schema.engagementEvents).where(eq(schema.engagementEvents.id, e.id));
    expect(row).toMatchObject({ deleteReason: 'Logged twice', deletedBy: team.user.id, version: 2 });
    const [h] = await historyOf(e.id);
    expect(h).toMatchObject({ action: 'engagement_event.delete', changes: { deleteReason: { from: null, to: 'Logged twice' } } });
  });
});

describe('GET /api/v1/engagement/events', () => {
  it('filters by date range (Los Angeles dates), SPA, population, type, staff lead and organization, newest first', async () => {
    const coordinator = await member('board_coordinator');
    const lead = await member('collaboration_team');
    const org = await newOrg(t.db);
    const tag = randomUUID().slice(0, 8);
    // 2025-07-01 02:00Z is June 30 in Los Angeles.
    const june = await newEngagementEvent(t.db, { title: `F ${tag} june`, startsAt: new Date('2025-07-01T02:00:00Z'), spas: ['spa1'], type: 'workgroup' });
    const july = await newEngagementEvent(t.db, { title: `F ${tag} july`, startsAt: new Date('2025-07-02T18:00:00Z'), spas: ['spa1', 'spa2'], focusPopulations: ['substance_use'], organizationIds: [org.id], staffLeadIds: [lead.user.id] });
    const list = async (q: string) =>
      (await t.app.inject({ method: 'GET', url: `${URL}?limit=200&from=2025-06-01&${q.includes('to=') ? '' : 'to=2025-07-31&'}${q}`, headers: coordinator.headers })).json().data
        .map((x: { title: string }) => x.title)
        .filter((x: string) => x.includes(tag));
    expect(await list('')).toEqual([july.title, june.title]);
    expect(await list('to=2025-06-30')).toEqual([june.title]);
    expect(await list('spa=spa2')).toEqual([july.title]);
    expect(await list('population=substance_use')).toEqual([july.title]);
    expect(await list('type=workgroup')).toEqual([june.title]);
    expect(await list(`staffId=${lead.user.id}`)).toEqual([july.title]);
    expect(await list(`organizationId=${org.id}`)).toEqual([july.title]);
    const bad = await t.app.inject({ method: 'GET', url: `${URL}?spa=spa9&colour=red`, headers: coordinator.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('pages with a cursor without repeating or skipping', async () => {
    const team = await member('network_admin');
    const org = await newOrg(t.db);
    for (let i = 0; i < 5; i++) await newEngagementEvent(t.db, { startsAt: new Date(Date.UTC(2024, 0, 1 + (i % 3))), organizationIds: [org.id] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { json: () => { data: { id: string }[]; nextCursor: string | null } } = await t.app.inject({ method: 'GET', url: `${URL}?limit=2&organizationId=${org.id}${cursor ? `&cursor=${cursor}` : ''}`, headers: team.headers });
      seen.push(...res.json().data.map((x: { id: string }) => x.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('POST /api/v1/engagement/series', () => {
  it('creates each occurrence as its own event, monthly at the same Los Angeles time', async () => {
    const team = await member('collaboration_team');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/engagement/series',
      headers: team.headers,
      payload: { ...quick, type: 'workgroup', title: 'Reentry workgroup', startsAt: '2026-02-10T10:00:00-08:00', frequency: 'monthly', count: 3 },
    });
    expect(res.statusCode).toBe(201);
    const { id: seriesId, events } = res.json();
    expect(res.headers.location).toBe(`/api/v1/engagement/series/${seriesId}`);
    expect((await t.app.inject({ method: 'GET', url: res.headers.location as string, headers: team.headers })).json().events).toHaveLength(3);
    expect(events.map((e: { startsAt: string }) => e.startsAt)).toEqual(['2026-02-10T18:00:00.000Z', '2026-03-10T17:00:00.000Z', '2026-04-10T17:00:00.000Z']);
    expect(new Set(events.map((e: { id: string }) => e.id)).size).toBe(3);
    expect(events.every((e: { seriesId: string }) => e.seriesId === seriesId)).toBe(true);
    const edit = await t.app.inject({ method: 'PATCH', url: `${URL}/${events[1].id}`, headers: { ...team.headers, 'if-match': '"1"' }, payload: { attendeeCount: 30 } });
    expect(edit.statusCode).toBe(200);
    const first = await t.app.inject({ method: 'GET', url: `${URL}/${events[0].id}`, headers: team.headers });
    expect(first.json().attendeeCount).toBe(9);
  });

  it('creates nothing when a reference is unknown', async () => {
    const team = await member('collaboration_team');
    const title = `Series ${randomUUID()}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/engagement/series', headers: team.headers, payload: { ...quick, title, organizationIds: [randomUUID()], frequency: 'weekly', count: 4 } });
    expect(res.statusCode).toBe(422);
    expect(await t.db.select().from(schema.engagementEvents).where(eq(schema.engagementEvents.title, title))).toEqual([]);
  });
});

describe('gap links through the wired GapLookup', () => {
  it('keeps gap ids the lookup knows, in engagement’s own link table', async () => {
    const known = randomUUID();
    const { createEngagementService } = await import('./service');
    const svc = createEngagementService({
      db: t.db,
      organizations: { named: async () => [] },
      staff: { networkStaff: async () => [], named: async () => [] },
      gaps: { existing: async (ids) => ids.filter((id) => id === known) },
      partnership: { advance: async () => {} },
    });
    const admin = await member('network_admin');
    const ctx = { actor: { kind: 'user' as const, userId: admin.user.id, sessionId: 's', memberships: [{ organizationId: hq.id, role: 'network_admin' as const }], isNetworkAdmin: true }, requestId: 'r', ip: '' };
    const e = await svc.create(ctx, { ...quick, type: 'outreach_meeting', spas: ['spa4'], focusPopulations: ['homelessness'], modality: 'in_person', organizationIds: [], staffLeadIds: [], attendeesByGroup: {}, followUps: [], gapIds: [known] });
    expect(e.gapIds).toEqual([known]);
    await expect(svc.create(ctx, { ...quick, type: 'outreach_meeting', spas: ['spa4'], focusPopulations: ['homelessness'], modality: 'in_person', organizationIds: [], staffLeadIds: [], attendeesByGroup: {}, followUps: [], gapIds: [randomUUID()] })).rejects.toMatchObject({ code: 'reference_not_found' });
  });
});
