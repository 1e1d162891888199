import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp, apiKey, caller, member, type Call } from '../../testing/app';
import { world, type World } from './testing';

// Every referral and client route, called by someone not on the referral: they must get exactly
// what a random id gets (404), or 401 when anonymous, and the rows must not change.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const routes = (w: World, r: { id: string; version: number }) =>
  [
    ['GET', `/api/v1/referrals/${r.id}`, undefined],
    ['PATCH', `/api/v1/referrals/${r.id}`, { reason: 'hacked', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/send`, { version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', reason: 'other', note: 'x', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/forward`, { receivingOrganizationId: w.other.id, note: 'x', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: null }],
    ['POST', `/api/v1/referrals/${r.id}/first-contact`, { method: 'phone' }],
    ['PATCH', `/api/v1/referrals/${r.id}/first-contact`, { method: 'text', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/loop-closed`, { version: r.version }],
    ['GET', `/api/v1/referrals/${r.id}/messages`, undefined],
    ['POST', `/api/v1/referrals/${r.id}/messages`, { body: 'hello?' }],
    ['POST', `/api/v1/referrals/${r.id}/read`, undefined],
    ['GET', `/api/v1/referrals/${r.id}/timeline`, undefined],
    ['GET', `/api/v1/clients/${w.client.id}`, undefined],
    ['PATCH', `/api/v1/clients/${w.client.id}`, { givenName: 'Hacked', version: 1 }],
    ['GET', `/api/v1/clients/${w.client.id}/consents`, undefined],
    ['POST', `/api/v1/clients/${w.client.id}/consents`, { scope: 'network', method: 'written', signedAt: '2026-01-01T00:00:00Z' }],
    ['POST', `/api/v1/consents/${w.consent.id}/revoke`, {}],
  ] as const;

const snapshot = async (w: World, id: string) => ({
  referral: (await t.db.select().from(schema.referrals).where(eq(schema.referrals.id, id)))[0],
  events: (await t.db.select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, id))).length,
  messages: (await t.db.select().from(schema.referralMessages).where(eq(schema.referralMessages.referralId, id))).length,
  views: (await t.db.select().from(schema.referralViews).where(eq(schema.referralViews.referralId, id))).length,
  reads: await t.db.select().from(schema.referralReads).where(eq(schema.referralReads.referralId, id)),
  orgReads: await t.db.select().from(schema.referralOrgReads).where(eq(schema.referralOrgReads.referralId, id)),
  client: (await t.db.select().from(schema.clients).where(eq(schema.clients.id, w.client.id)))[0],
  consents: await t.db.select().from(schema.consents).where(eq(schema.consents.clientId, w.client.id)),
});

const outsiders: [string, number, (w: World) => Promise<Call>][] = [
  ['staff of an unrelated organization', 404, async (w) => (await member(t, w.other, 'staff')).call],
  ['an admin of an unrelated organization', 404, async (w) => (await member(t, w.other, 'org_admin')).call],
  ['an API key of an unrelated organization with both referral scopes', 404, async (w) => apiKey(t, w.other, ['referrals:read', 'referrals:write'])],
  ['anonymous', 401, async () => caller(t.app, {})],
];

describe('referral privacy', () => {
  it.each(outsiders)('%s gets %i on every referral and client route, and nothing changes', async (_name, status, make) => {
    const w = await world(t);
    const r = await w.sent();
    const call = await make(w);
    const before = await snapshot(w, r.id);
    for (const [method, url, body] of routes(w, r)) {
      const res = await call(method, url, body);
      expect([method, url, res.status]).toEqual([method, url, status]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // Nor does it show up in their inbox.
    if (status === 404) {
      for (const box of ['received', 'sent']) expect((await call('GET', `/api/v1/referrals?box=${box}`)).body.data).toEqual([]);
    }
    expect(await snapshot(w, r.id)).toEqual(before);
  });

  it('anonymous gets 401 on lists, counts, notifications, read state and audit', async () => {
    const anon = caller(t.app, {});
    for (const url of ['/api/v1/referrals', '/api/v1/referrals/counts', '/api/v1/notifications', '/api/v1/audit', '/api/v1/clients/matches?name=Rosa']) {
      expect([url, (await anon('GET', url)).status]).toEqual([url, 401]);
    }
    expect((await anon('POST', '/api/v1/referrals', {})).status).toBe(401);
    expect((await anon('POST', '/api/v1/notifications/read-all')).status).toBe(401);
  });

  it('a 404 for a stranger looks exactly like a 404 for a random id', async () => {
    const w = await world(t);
    const r = await w.sent();
    const stranger = (await member(t, w.other)).call;
    const real = await stranger('GET', `/api/v1/referrals/${r.id}`);
    const random = await stranger('GET', '/api/v1/referrals/00000000-0000-4000-8000-000000000000');
    expect({ ...real.body, instance: undefined, requestId: undefined }).toEqual({ ...random.body, instance: undefined, requestId: undefined });
  });

  it('an API key of the receiving organization with referrals:read can list and read but not transition', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['referrals:read']);
    const list = await key('GET', '/api/v1/referrals?box=received');
    expect([list.status, list.body.data.map((x: { id: string }) => x.id)]).toEqual([200, [r.id]]);
    expect((await key('GET', `/api/v1/referrals/${r.id}`)).status).toBe(200);
    const tr = await key('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: 2 });
    expect([tr.status, tr.body.code]).toEqual([403, 'forbidden']);
    expect((await key('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'hi' })).status).toBe(403);
    // With referrals:write the key acts for its organization.
    const writer = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const current = (await key('GET', `/api/v1/referrals/${r.id}`)).body;
    const ok = await writer('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: current.version });
    expect([ok.status, ok.body.status]).toEqual([200, 'accepted']);
    const ev = await t.db.select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, r.id));
    expect(ev.find((e) => e.toStatus === 'accepted')).toMatchObject({ actorUserId: null, actorOrgId: w.cbo.id });
  });

  // Issue 23: an integration fetching a referral is not a person seeing it.
  it("an API key's read does not acknowledge; the key acknowledges with a transition, and staff opening it still do", async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const read = await key('GET', `/api/v1/referrals/${r.id}`);
    expect([read.status, read.body.status, read.body.acknowledgedAt, read.body.version]).toEqual([200, 'sent', null, r.version]);
    expect(read.body.allowedTransitions).toEqual(['acknowledged', 'accepted', 'declined', 'cancelled']);
    expect((await key('GET', `/api/v1/referrals?box=received`)).body.data[0].status).toBe('sent');
    const ack = await key('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'acknowledged', version: read.body.version });
    expect([ack.status, ack.body.status, ack.body.version]).toEqual([200, 'acknowledged', r.version + 1]);
    expect(ack.body.acknowledgedAt).not.toBeNull();
    const ev = await t.db.select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, r.id));
    expect(ev.find((e) => e.toStatus === 'acknowledged')).toMatchObject({ actorUserId: null, actorOrgId: w.cbo.id, data: null });
    // Once acknowledged, not again; and the sender cannot acknowledge for the receiver.
    const again = await key('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'acknowledged', version: ack.body.version });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
    const other = await w.sent({ needs: ['housing-instability'] });
    const bySender = await w.chw.call('POST', `/api/v1/referrals/${other.id}/transitions`, { to: 'acknowledged', version: other.version });
    expect(bySender.status).toBe(403);
    // Receiving staff opening it in the web app still acknowledge it on open.
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${other.id}`);
    expect(opened.body.status).toBe('acknowledged');
  });

  // Found by the authorization matrix: a key's message has no author user, and answering it
  // broke the response schema (500) for the key and for everyone listing the thread after it.
  it('an API key with referrals:write writes a message both sides then read', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const posted = await key('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'From the integration' });
    expect([posted.status, posted.body.authorUserId, posted.body.authorOrganizationId]).toEqual([201, null, w.cbo.id]);
    for (const call of [key, w.chw.call]) {
      const thread = await call('GET', `/api/v1/referrals/${r.id}/messages`);
      expect([thread.status, thread.body.data.map((m: { body: string }) => m.body)]).toEqual([200, ['From the integration']]);
    }
  });

  // Issue 23: a key marks the thread read on behalf of its organization, never for a person.
  it("an API key marks the thread read for its organization: its keys' unread goes to 0, each person's stays their own", async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const otherKey = await apiKey(t, w.cbo, ['referrals:read']);
    expect((await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Any news?' })).status).toBe(201);
    // The receiving side's own message is not unread for it.
    expect((await key('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Calling today' })).status).toBe(201);
    const unreadOf = async (call: Call) => ({
      detail: (await call('GET', `/api/v1/referrals/${r.id}`)).body.unreadMessages,
      inbox: (await call('GET', '/api/v1/referrals?box=received')).body.data.find((x: { id: string }) => x.id === r.id)?.unreadMessages,
      filtered: (await call('GET', '/api/v1/referrals?box=received&unread=true')).body.data.map((x: { id: string }) => x.id),
      counts: (await call('GET', '/api/v1/referrals/counts?box=received')).body.unreadMessages,
    });
    expect(await unreadOf(otherKey)).toEqual({ detail: 1, inbox: 1, filtered: [r.id], counts: 1 });
    expect(await unreadOf(w.cboStaff.call)).toEqual({ detail: 2, inbox: 2, filtered: [r.id], counts: 2 });

    const marked = await key('POST', `/api/v1/referrals/${r.id}/read`);
    expect([marked.status, marked.body.referralId, marked.body.unreadMessages]).toEqual([200, r.id, 0]);
    // Every key of the organization now sees it read; the person still has not read it.
    expect(await unreadOf(otherKey)).toEqual({ detail: 0, inbox: 0, filtered: [], counts: 0 });
    expect(await unreadOf(w.cboStaff.call)).toEqual({ detail: 2, inbox: 2, filtered: [r.id], counts: 2 });
    expect(await t.db.select().from(schema.referralReads).where(eq(schema.referralReads.referralId, r.id))).toEqual([]);
    // The sender sees its message read by the receiving organization.
    const thread = (await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages`)).body.data;
    expect(thread.map((m: { body: string; readAt: string | null }) => [m.body, m.readAt === null])).toEqual([['Any news?', false], ['Calling today', true]]);

    // A person marking read changes only their own state, not the organization's marker.
    expect((await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Thanks' })).status).toBe(201);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/read`)).body.unreadMessages).toBe(0);
    expect((await unreadOf(w.cboStaff.call)).detail).toBe(0);
    expect((await unreadOf(otherKey)).detail).toBe(1);
    // A read-only key may not mark; another organization's key gets the 404 of a random id.
    expect((await otherKey('POST', `/api/v1/referrals/${r.id}/read`)).status).toBe(403);
    const stranger = await apiKey(t, w.other, ['referrals:read', 'referrals:write']);
    const hidden = await stranger('POST', `/api/v1/referrals/${r.id}/read`);
    const random = await stranger('POST', '/api/v1/referrals/00000000-0000-4000-8000-000000000000/read');
    expect([hidden.status, { ...hidden.body, instance: undefined, requestId: undefined }]).toEqual([404, { ...random.body, instance: undefined, requestId: undefined }]);
  });

  it("GET one message: a message of another referral is the 404 of an unknown message id", async () => {
    const w = await world(t);
    const r = await w.sent();
    const other = await w.sent({ needs: ['housing-instability'] });
    const m = (await w.cboStaff.call('POST', `/api/v1/referrals/${other.id}/messages`, { body: 'Elsewhere' })).body;
    expect((await w.chw.call('GET', `/api/v1/referrals/${other.id}/messages/${m.id}`)).body).toMatchObject({ id: m.id, body: 'Elsewhere' });
    const crossed = await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages/${m.id}`);
    const random = await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages/00000000-0000-4000-8000-000000000000`);
    expect([crossed.status, { ...crossed.body, instance: undefined, requestId: undefined }]).toEqual([404, { ...random.body, instance: undefined, requestId: undefined }]);
  });

  it('network admins see any referral but may only mark it entered_in_error', async () => {
    const w = await world(t);
    const r = await w.sent();
    const admin = (await member(t, w.other, 'network_admin')).call;
    const seen = await admin('GET', `/api/v1/referrals/${r.id}`);
    expect([seen.status, seen.body.status, seen.body.allowedTransitions]).toEqual([200, 'sent', ['entered_in_error']]);
    const accept = await admin('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version });
    expect(accept.status).toBe(403);
    const fix = await admin('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'entered_in_error', version: r.version });
    expect([fix.status, fix.body.status]).toEqual([200, 'entered_in_error']);
  });
});

describe('GET /api/v1/audit', () => {
  it('shows org admins their organization’s rows, network admins all, and refuses staff', async () => {
    const w = await world(t);
    const r = await w.sent();
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    const cboAdmin = (await member(t, w.cbo, 'org_admin')).call;
    const mine = await cboAdmin('GET', `/api/v1/audit?entityType=referral&entityId=${r.id}`);
    expect(mine.status).toBe(200);
    // Both rows share the transaction's timestamp, so their order is by id: compare as a set.
    expect(mine.body.data.map((a: { action: string }) => a.action).sort()).toEqual(['referral.read', 'referral.transition']);
    expect(mine.body.data.every((a: { organizationId: string }) => a.organizationId === w.cbo.id)).toBe(true);
    const all = await (await member(t, w.other, 'network_admin')).call('GET', `/api/v1/audit?entityId=${r.id}&limit=2`);
    expect(all.body.data).toHaveLength(2);
    const next = await (await member(t, w.other, 'network_admin')).call('GET', `/api/v1/audit?entityId=${r.id}&limit=2&cursor=${all.body.nextCursor}`);
    expect(next.body.data.length).toBeGreaterThan(0);
    expect(next.body.data[0].id).not.toBe(all.body.data[1].id);
    expect((await w.cboStaff.call('GET', '/api/v1/audit')).status).toBe(403);
  });
});
