import { eq, inArray } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp, apiKey, member, type Call } from '../../testing/app';
import { world, type World } from './testing';
import { newClient } from '@tandem/db/testing';

// A draft, and a draft cancelled before it was ever sent (sent_at null), are the sender's alone
// (ARCHITECTURE §4): the receiving organization's staff and API keys get exactly what a random id
// gets, see nothing of it in their boxes, counts, notifications or client look-ups, and gain no
// sight of its client.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** A client registered by the clinic with no consent on file, and a draft for them to the CBO (cancelled first when asked). */
const neverSent = async (w: World, cancel: boolean) => {
  const client = await newClient(t.db, w.clinic, {
    givenName: 'Ximena',
    dateOfBirth: '1979-03-14',
    phones: ['(323) 555-0142'],
    safeContactNotes: 'Do not leave voicemail; partner checks the phone',
  });
  let r = await w.draft({ clientId: client.id });
  // A message from the sender while it is still a draft.
  expect((await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Note to self before sending' })).status).toBe(201);
  if (cancel) {
    const res = await w.chw.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', reason: 'other', note: 'Changed my mind', version: r.version });
    expect([res.status, res.body.status, res.body.sentAt]).toEqual([200, 'cancelled', null]);
    r = res.body;
    // And after cancelling.
    expect((await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Cancelled before sending' })).status).toBe(201);
  }
  return { r, client };
};

const referralRoutes = (w: World, r: { id: string; version: number }) =>
  [
    ['GET', `/api/v1/referrals/${r.id}`, undefined],
    ['PATCH', `/api/v1/referrals/${r.id}`, { reason: 'x', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/send`, { version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'entered_in_error', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/forward`, { receivingOrganizationId: w.other.id, note: 'x', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: null }],
    ['POST', `/api/v1/referrals/${r.id}/first-contact`, { method: 'phone' }],
    ['PATCH', `/api/v1/referrals/${r.id}/first-contact`, { method: 'text', version: r.version }],
    ['POST', `/api/v1/referrals/${r.id}/loop-closed`, { version: r.version }],
    ['GET', `/api/v1/referrals/${r.id}/messages`, undefined],
    ['POST', `/api/v1/referrals/${r.id}/messages`, { body: 'hello?' }],
    ['GET', `/api/v1/referrals/${r.id}/timeline`, undefined],
  ] as const;

const clientRoutes = (clientId: string) =>
  [
    ['GET', `/api/v1/clients/${clientId}`, undefined],
    ['PATCH', `/api/v1/clients/${clientId}`, { givenName: 'X', version: 1 }],
    ['GET', `/api/v1/clients/${clientId}/consents`, undefined],
    ['POST', `/api/v1/clients/${clientId}/consents`, { scope: 'network', method: 'written', signedAt: '2026-01-01T00:00:00Z' }],
  ] as const;

const receivers: [string, (w: World) => Promise<Call>][] = [
  ['receiving staff', async (w) => w.cboStaff.call],
  ['a receiving org admin', async (w) => (await member(t, w.cbo, 'org_admin')).call],
  ['a receiving API key with referrals:read and referrals:write', async (w) => apiKey(t, w.cbo, ['referrals:read', 'referrals:write'])],
];

const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((x) => x.id);

describe.each([
  ['a draft', false],
  ['a draft cancelled before sending', true],
])('%s', (_what, cancel) => {
  it.each(receivers)('is a 404 to %s on every referral and client route, as a random id', async (_who, make) => {
    const w = await world(t);
    const { r, client } = await neverSent(w, cancel);
    const call = await make(w);
    const before = (await t.db.select().from(schema.referrals).where(eq(schema.referrals.id, r.id)))[0];
    for (const [method, url, body] of [...referralRoutes(w, r), ...clientRoutes(client.id)]) {
      const res = await call(method, url, body);
      expect([method, url, res.status]).toEqual([method, url, 404]);
      const random = await call(method, url.replace(/[0-9a-f-]{36}/, '00000000-0000-4000-8000-000000000000'), body);
      expect({ ...res.body, instance: undefined, requestId: undefined }).toEqual({ ...random.body, instance: undefined, requestId: undefined });
    }
    // Nor may it attach the client to a referral of its own.
    const own = await call('POST', '/api/v1/referrals', { clientId: client.id, needs: ['food-insecurity'] });
    expect([own.status, own.body.code]).toEqual([422, 'reference_not_found']);
    expect((await t.db.select().from(schema.referrals).where(eq(schema.referrals.id, r.id)))[0]).toEqual(before);
  });

  it('is a 404 to a network admin on every referral route (they still reach clients, as anywhere)', async () => {
    const w = await world(t);
    const { r } = await neverSent(w, cancel);
    const admin = (await member(t, w.other, 'network_admin')).call;
    for (const [method, url, body] of referralRoutes(w, r)) expect([method, url, (await admin(method, url, body)).status]).toEqual([method, url, 404]);
  });

  it.each(receivers)('is absent from the inbox, counts, matches and notifications of %s', async (_who, make) => {
    const w = await world(t);
    const { r, client } = await neverSent(w, cancel);
    const call = await make(w);
    for (const q of ['box=received', 'box=sent', 'box=received&status=cancelled', 'box=received&status=draft', `box=received&q=${client.familyName}`]) {
      const res = await call('GET', `/api/v1/referrals?${q}`);
      expect([q, res.status, ids(res)]).toEqual([q, 200, []]);
    }
    const counts = await call('GET', '/api/v1/referrals/counts?box=received');
    expect(counts.body).toMatchObject({ open: 0, overdue: 0, unreadMessages: 0 });
    expect(Object.values(counts.body.byStatus).every((n) => n === 0)).toBe(true);
    const matches = await call('GET', `/api/v1/clients/matches?name=Ximena%20${client.familyName}&dateOfBirth=1979-03-14`);
    expect([matches.status, ids(matches)]).toEqual([200, []]);
    // No notification of it reached anyone at the receiving organization, and no webhook event names them.
    const members = (await t.db.select().from(schema.memberships).where(eq(schema.memberships.organizationId, w.cbo.id))).map((m) => m.userId);
    expect(await t.db.select().from(schema.notifications).where(inArray(schema.notifications.userId, members))).toEqual([]);
    const events = await t.db.select().from(schema.outbox);
    expect(events.filter((e) => (e.payload as { referralId?: string }).referralId === r.id && e.organizationIds.includes(w.cbo.id))).toEqual([]);
  });

  it('is still the sender’s: read, listed, counted, its client matched and readable', async () => {
    const w = await world(t);
    const { r, client } = await neverSent(w, cancel);
    const got = await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    expect([got.status, got.body.client.id]).toEqual([200, client.id]);
    expect(ids(await w.chw.call('GET', '/api/v1/referrals?box=sent'))).toEqual([r.id]);
    expect((await w.chw.call('GET', '/api/v1/referrals/counts?box=sent')).body.byStatus[cancel ? 'cancelled' : 'draft']).toBe(1);
    expect((await w.chw.call('GET', `/api/v1/referrals/${r.id}/messages`)).body.data).toHaveLength(cancel ? 2 : 1);
    expect((await w.chw.call('GET', `/api/v1/referrals/${r.id}/timeline`)).status).toBe(200);
    expect((await w.chw.call('GET', `/api/v1/clients/${client.id}`)).status).toBe(200);
    expect(ids(await w.chw.call('GET', `/api/v1/clients/matches?name=Ximena%20${client.familyName}&dateOfBirth=1979-03-14`))).toEqual([client.id]);
  });
});

it('once sent, the receiver sees the referral and its client (the rule is "never sent", not "draft")', async () => {
  const w = await world(t);
  const r = await w.sent();
  const list = await w.cboStaff.call('GET', '/api/v1/referrals?box=received');
  expect(ids(list)).toEqual([r.id]);
  const got = await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
  // Cancelled after sending: still theirs to see.
  const cancelled = await w.chw.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', reason: 'other', note: 'x', version: got.body.version });
  expect(cancelled.status).toBe(200);
  expect((await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`)).status).toBe(200);
  expect((await w.cboStaff.call('GET', `/api/v1/clients/${w.client.id}`)).status).toBe(200);
  expect((await w.cboStaff.call('GET', '/api/v1/referrals/counts?box=received')).body.byStatus.cancelled).toBe(1);
});
