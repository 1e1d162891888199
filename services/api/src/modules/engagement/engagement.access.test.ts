import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ApiScope, Role } from '@tandem/contract';
import { schema } from '@tandem/db';
import { newEngagementEvent, newOrg, newUser } from '@tandem/db/testing';
import { sha256 } from '../../lib/crypto';
import { signIn, testApp, type TestApp } from '../../testing/app';

// Who sees and changes an engagement event (ARCHITECTURE §4, issue 25): the collaboration team and
// network admins write; board coordinators read; a partner organization that took part reads the
// partner view (no summary, follow-ups or gap links), by its members or an API key with
// engagement:read; anyone else gets exactly what a random id gets. Every refused write is checked
// to have changed nothing.

let t: TestApp;
let event: Awaited<ReturnType<typeof newEngagementEvent>>;
const callers = new Map<string, Record<string, string>>();
const URL = '/api/v1/engagement/events';

beforeAll(async () => {
  t = await testApp();
  const hq = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
  const partner = await newOrg(t.db, { name: 'Partner Pantry' });
  const outsider = await newOrg(t.db, { name: 'Unrelated Shelter' });
  const lead = await newUser(t.db, { org: hq, role: 'collaboration_team' });
  event = await newEngagementEvent(t.db, { organizationIds: [partner.id], staffLeadIds: [lead.id], gapIds: [randomUUID()] });
  const user = async (name: string, org: { id: string }, role: Role) => callers.set(name, await signIn(t.app, (await newUser(t.db, { org, role })).email));
  const key = async (name: string, org: { id: string }, scopes: ApiScope[]) => {
    const secret = `tdm_access_${randomBytes(24).toString('hex')}`;
    await t.db.insert(schema.apiKeys).values({ organizationId: org.id, name, prefix: 'tdm_acce', secretHash: sha256(secret), scopes });
    callers.set(name, { authorization: `Bearer ${secret}` });
  };
  await user('collaboration_team', hq, 'collaboration_team');
  await user('network_admin', hq, 'network_admin');
  await user('board_coordinator', hq, 'board_coordinator');
  await user('hq staff', hq, 'staff');
  await user('partner staff', partner, 'staff');
  await user('partner org_admin', partner, 'org_admin');
  await user('outsider staff', outsider, 'staff');
  await user('outsider org_admin', outsider, 'org_admin');
  await key('partner key (engagement:read)', partner, ['engagement:read']);
  await key('partner key (engagement:write only)', partner, ['engagement:write']);
  await key('partner key (every scope)', partner, ['engagement:read', 'engagement:write', 'referrals:read', 'directory:read']);
  await key('outsider key (engagement:read)', outsider, ['engagement:read']);
  callers.set('anonymous', {});
});
afterAll(() => t.close());

const get = (who: string, id = event.id) => t.app.inject({ method: 'GET', url: `${URL}/${id}`, headers: callers.get(who) });
const snapshot = async () => ({
  row: (await t.db.execute(sql`select to_jsonb(e) as row from ${schema.engagementEvents} e where e.id = ${event.id}::uuid`)).rows[0],
  orgs: (await t.db.select().from(schema.engagementEventOrganizations).where(eq(schema.engagementEventOrganizations.eventId, event.id))).length,
});
const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, instance: undefined, detail: undefined });

describe('reading an engagement event', () => {
  it.each(['collaboration_team', 'network_admin', 'board_coordinator'])('%s reads the full record', async (who) => {
    const res = await get(who);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ view: 'full', summary: event.summary, followUps: event.followUps });
    expect(res.json().gapIds).toHaveLength(1);
  });

  it.each(['partner staff', 'partner org_admin', 'partner key (engagement:read)', 'partner key (every scope)'])(
    '%s reads the partner view: no summary, follow-ups or gap links',
    async (who) => {
      const res = await get(who);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.view).toBe('partner');
      expect(body).not.toHaveProperty('summary');
      expect(body).not.toHaveProperty('followUps');
      expect(body).not.toHaveProperty('gapIds');
      expect(body.title).toBe(event.title);
      const list = await t.app.inject({ method: 'GET', url: `${URL}?limit=200`, headers: callers.get(who) });
      const rows = list.json().data as Record<string, unknown>[];
      expect(rows.map((r) => r.id)).toEqual([event.id]);
      expect(rows[0]).not.toHaveProperty('summary');
    },
  );

  it.each(['hq staff', 'outsider staff', 'outsider org_admin', 'outsider key (engagement:read)'])('%s gets the 404 of a random id and an empty list', async (who) => {
    const res = await get(who);
    const random = await get(who, randomUUID());
    expect(res.statusCode).toBe(404);
    expect(strip(res.json())).toEqual(strip(random.json()));
    const list = await t.app.inject({ method: 'GET', url: `${URL}?limit=200`, headers: callers.get(who) });
    expect(list.json().data).toEqual([]);
  });

  it('refuses a key without engagement:read (403) and anonymous callers (401)', async () => {
    expect((await get('partner key (engagement:write only)')).statusCode).toBe(403);
    expect((await get('anonymous')).statusCode).toBe(401);
  });
});

describe('changing an engagement event', () => {
  const writes = [
    { method: 'PATCH' as const, url: () => `${URL}/${event.id}`, payload: () => ({ title: 'Hijacked', version: 1 }) },
    { method: 'DELETE' as const, url: () => `${URL}/${event.id}`, payload: () => ({ reason: 'Gone', version: 1 }) },
    { method: 'POST' as const, url: () => URL, payload: () => ({ title: 'New', type: 'other', startsAt: '2026-01-01T10:00:00Z', spas: ['spa1'], focusPopulations: ['other'], attendeeCount: 1 }) },
    { method: 'POST' as const, url: () => '/api/v1/engagement/events/import', payload: () => ({ csv: 'source_id,title,type,date,spas,focus_populations,attendee_count\nacc-1,New,other,2019-01-01,spa1,other,1\n' }) },
    { method: 'GET' as const, url: () => '/api/v1/engagement/events/import/template', payload: () => undefined },
    { method: 'POST' as const, url: () => '/api/v1/engagement/series', payload: () => ({ title: 'New', type: 'other', startsAt: '2026-01-01T10:00:00Z', spas: ['spa1'], focusPopulations: ['other'], attendeeCount: 1, frequency: 'weekly', count: 2 }) },
  ];
  const refused: [string, number][] = [
    ['board_coordinator', 403],
    ['hq staff', 403],
    ['partner staff', 403],
    ['partner org_admin', 403],
    ['outsider org_admin', 403],
    ['partner key (every scope)', 403],
    ['outsider key (engagement:read)', 403],
    ['anonymous', 401],
  ];
  it.each(refused)('%s is refused (%i) on every write, and nothing changes', async (who, status) => {
    const before = await snapshot();
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(schema.engagementEvents))[0]!.n;
    const n = await count();
    for (const w of writes) {
      const res = await t.app.inject({ method: w.method, url: w.url(), headers: callers.get(who), payload: w.payload() });
      expect([w.method, w.url(), res.statusCode]).toEqual([w.method, w.url(), status]);
    }
    expect(await snapshot()).toEqual(before);
    expect(await count()).toBe(n);
  });

  it('a writer gets 404 for a random id, on edit and delete', async () => {
    const bodies = { PATCH: { title: 'x', version: 1 }, DELETE: { reason: 'x', version: 1 } };
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await t.app.inject({ method, url: `${URL}/${randomUUID()}`, headers: callers.get('collaboration_team'), payload: bodies[method] });
      expect(res.statusCode).toBe(404);
    }
  });
});
