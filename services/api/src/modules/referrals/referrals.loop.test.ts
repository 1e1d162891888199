import { and, eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp, apiKey, member, type Call } from '../../testing/app';
import { world, type World } from './testing';

// Closing the loop (issue 24, ARCHITECTURE §3): first contact (when and how, corrected by the
// receiver with the change on the timeline), the outcome sent with completed /
// unable_to_complete, and the sender's "loop closed" mark, which changes no status.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const row = async (id: string) => (await t.db.select().from(schema.referrals).where(eq(schema.referrals.id, id)))[0]!;
const url = (id: string, suffix = '') => `/api/v1/referrals/${id}${suffix}`;
const problem = (res: { status: number; body: { code: string; errors?: { path: string }[] }; headers: Record<string, unknown> }) => [
  res.status,
  res.body.code,
  String(res.headers['content-type']).split(';')[0],
];

/** A referral the CBO accepted (through the API), with its current version; sent two days ago, so first contact has room. */
const accepted = async (w: World) => {
  const r = await w.sent();
  const res = await w.cboStaff.call('POST', url(r.id, '/transitions'), { to: 'accepted', version: r.version });
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`);
  await t.db.update(schema.referrals).set({ sentAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(schema.referrals.id, r.id));
  return res.body as { id: string; version: number };
};
/** Accepted, then closed by the CBO with `to` and `outcome`. */
const closed = async (w: World, to: 'completed' | 'unable_to_complete' = 'completed', outcome = to === 'completed' ? 'services_received' : 'client_unreachable') => {
  const r = await accepted(w);
  const res = await w.cboStaff.call('POST', url(r.id, '/transitions'), { to, outcome, reason: to === 'unable_to_complete' ? 'client_unreachable' : null, version: r.version });
  if (res.status !== 200) throw new Error(`close: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number };
};
const timeline = async (call: Call, id: string) => (await call('GET', url(id, '/timeline'))).body.data as Record<string, unknown>[];

describe('first contact: when and how', () => {
  it('records when and how, once; the timeline says so', async () => {
    const w = await world(t);
    const r = await accepted(w);
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const res = await w.cboStaff.call('POST', url(r.id, '/first-contact'), { firstContactAt: at, method: 'phone', version: r.version });
    expect([res.status, res.body.firstContactAt, res.body.firstContactMethod]).toEqual([200, at, 'phone']);
    const again = await w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'text' });
    expect(problem(again)).toEqual([409, 'conflict', 'application/problem+json']);
    expect((await row(r.id)).firstContactMethod).toBe('phone');
    const events = (await timeline(w.chw.call, r.id)).filter((e) => e.eventType === 'first_contact');
    expect(events).toEqual([expect.objectContaining({ actorName: 'Pat Pantry', firstContact: { at, method: 'phone', previousAt: null, previousMethod: null } })]);
  });

  it('asks how (400 on body.method), refuses the sender (403) and a time in the future (400 on body.firstContactAt)', async () => {
    const w = await world(t);
    const r = await accepted(w);
    const noMethod = await w.cboStaff.call('POST', url(r.id, '/first-contact'), {});
    expect(problem(noMethod)).toEqual([400, 'validation_failed', 'application/problem+json']);
    expect(noMethod.body.errors.map((e: { path: string }) => e.path)).toContain('body.method');
    const badMethod = await w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'carrier_pigeon' });
    expect(badMethod.status).toBe(400);
    const sender = await w.chw.call('POST', url(r.id, '/first-contact'), { method: 'phone' });
    expect(problem(sender)).toEqual([403, 'forbidden', 'application/problem+json']);
    const future = await w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'phone', firstContactAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(problem(future)).toEqual([400, 'validation_failed', 'application/problem+json']);
    expect(future.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.firstContactAt']);
    expect((await row(r.id)).firstContactAt).toBeNull();
  });

  it('lets the receiver correct when and how, with from → to on the timeline and in the audit trail', async () => {
    const w = await world(t);
    const r = await accepted(w);
    const first = new Date(Date.now() - 7_200_000).toISOString();
    const rec = await w.cboStaff.call('POST', url(r.id, '/first-contact'), { firstContactAt: first, method: 'phone', version: r.version });
    const later = new Date(Date.now() - 3_600_000).toISOString();
    const fix = await w.cboStaff.call('PATCH', url(r.id, '/first-contact'), { firstContactAt: later, method: 'in_person', note: 'It was the walk-in, not the call', version: rec.body.version });
    expect([fix.status, fix.body.firstContactAt, fix.body.firstContactMethod, fix.body.version]).toEqual([200, later, 'in_person', rec.body.version + 1]);
    // Only the method, by If-Match.
    const method = await w.cboStaff.call('PATCH', url(r.id, '/first-contact'), { method: 'video' }, { 'if-match': `"${fix.body.version}"` });
    expect([method.status, method.body.firstContactAt, method.body.firstContactMethod]).toEqual([200, later, 'video']);
    const events = (await timeline(w.chw.call, r.id)).filter((e) => e.eventType === 'first_contact');
    expect(events.map((e) => e.firstContact)).toEqual([
      { at: first, method: 'phone', previousAt: null, previousMethod: null },
      { at: later, method: 'in_person', previousAt: first, previousMethod: 'phone' },
      { at: later, method: 'video', previousAt: later, previousMethod: 'in_person' },
    ]);
    expect(events[1]).toMatchObject({ note: 'It was the walk-in, not the call', actorOrganizationName: 'Boyle Heights Pantry' });
    const audit = await t.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.entityId, r.id), eq(schema.auditLog.action, 'referral.first_contact_corrected')));
    expect(audit).toHaveLength(2);
  });

  it.each<[string, (w: World, r: { id: string; version: number }) => Promise<unknown>, Record<string, unknown>, number, string]>([
    ['nothing recorded yet', async () => undefined, { method: 'text' }, 409, 'conflict'],
    ['by the sender', (w, r) => w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'phone' }), { method: 'text', as: 'sender' }, 403, 'forbidden'],
    ['that changes nothing', (w, r) => w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'phone' }), { method: 'phone' }, 400, 'validation_failed'],
    ['with neither time nor method', (w, r) => w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'phone' }), {}, 400, 'validation_failed'],
    ['without a version', (w, r) => w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'phone' }), { method: 'text', noVersion: true }, 428, 'precondition_required'],
  ])('refuses a correction %s', async (_name, before, body, status, code) => {
    const w = await world(t);
    const r = await accepted(w);
    await before(w, r);
    const { as, noVersion, ...rest } = body;
    const version = (await row(r.id)).version;
    const call = as === 'sender' ? w.chw.call : w.cboStaff.call;
    const was = await row(r.id);
    const res = await call('PATCH', url(r.id, '/first-contact'), noVersion ? rest : { ...rest, version });
    expect(problem(res)).toEqual([status, code, 'application/problem+json']);
    expect(await row(r.id)).toEqual(was);
  });

  it('refuses a stale correction (409 stale_version) and one after the loop closed (409 conflict)', async () => {
    const w = await world(t);
    const r = await accepted(w);
    const rec = await w.cboStaff.call('POST', url(r.id, '/first-contact'), { method: 'phone' });
    const stale = await w.cboStaff.call('PATCH', url(r.id, '/first-contact'), { method: 'text', version: rec.body.version - 1 });
    expect(problem(stale)).toEqual([409, 'stale_version', 'application/problem+json']);
    // Closed with an outcome: still correctable until the sender closes the loop.
    const done = await w.cboStaff.call('POST', url(r.id, '/transitions'), { to: 'completed', outcome: 'services_received', version: rec.body.version });
    const fix = await w.cboStaff.call('PATCH', url(r.id, '/first-contact'), { method: 'text', version: done.body.version });
    expect([fix.status, fix.body.firstContactMethod]).toEqual([200, 'text']);
    const loop = await w.chw.call('POST', url(r.id, '/loop-closed'), { version: fix.body.version });
    expect(loop.status).toBe(200);
    const sealed = await w.cboStaff.call('PATCH', url(r.id, '/first-contact'), { method: 'email', version: loop.body.version });
    expect(problem(sealed)).toEqual([409, 'conflict', 'application/problem+json']);
  });
});

describe('outcome with completed / unable_to_complete', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['completed without an outcome', { to: 'completed' }, 'body.outcome'],
    ['completed with an outcome of unable_to_complete', { to: 'completed', outcome: 'client_unreachable' }, 'body.outcome'],
    ['completed as cancelled_by_referrer', { to: 'completed', outcome: 'cancelled_by_referrer' }, 'body.outcome'],
    ['unable_to_complete without an outcome', { to: 'unable_to_complete', reason: 'client_unreachable' }, 'body.outcome'],
    ['unable_to_complete as services_received', { to: 'unable_to_complete', reason: 'client_unreachable', outcome: 'services_received' }, 'body.outcome'],
    ['on_hold with an outcome', { to: 'on_hold', outcome: 'services_received' }, 'body.outcome'],
    ['completed as other without a note', { to: 'completed', outcome: 'other' }, 'body.note'],
    ['an outcome not in the list', { to: 'completed', outcome: 'went_fishing' }, 'body.outcome'],
  ])('refuses %s (400 validation_failed) and changes nothing', async (_name, body, path) => {
    const w = await world(t);
    const r = await accepted(w);
    const was = await row(r.id);
    const res = await w.cboStaff.call('POST', url(r.id, '/transitions'), { ...body, version: r.version });
    expect(problem(res)).toEqual([400, 'validation_failed', 'application/problem+json']);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await row(r.id)).toEqual(was);
  });

  it.each<['completed' | 'unable_to_complete', string]>([
    ['completed', 'services_received'],
    ['unable_to_complete', 'client_unreachable'],
    ['unable_to_complete', 'no_capacity'],
  ])('stores %s with outcome %s, shows it to both sides and on the timeline', async (to, outcome) => {
    const w = await world(t);
    const r = await closed(w, to, outcome);
    expect((await row(r.id)).outcome).toBe(outcome);
    const senderView = await w.chw.call('GET', url(r.id));
    expect(senderView.body).toMatchObject({ status: to, outcome, loopClosedAt: null, loopClosedBy: null });
    const change = (await timeline(w.chw.call, r.id)).find((e) => e.toStatus === to);
    expect(change).toMatchObject({ outcome });
  });
});

describe('POST /referrals/{id}/loop-closed', () => {
  it('lets the sender mark the outcome seen, once; the status stays terminal; both sides see who and when', async () => {
    const w = await world(t);
    const r = await closed(w);
    const res = await w.chw.call('POST', url(r.id, '/loop-closed'), { note: 'Rosa confirmed groceries arrived', version: r.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'completed',
      outcome: 'services_received',
      allowedTransitions: [],
      loopClosedAt: expect.any(String),
      loopClosedBy: { kind: 'user', id: w.chw.user.id, name: 'Carla CHW', organizationId: w.clinic.id, organizationName: 'Eastside Clinic' },
      version: r.version + 1,
    });
    expect(res.headers.etag).toBe(`"${r.version + 1}"`);
    const receiverView = await w.cboStaff.call('GET', url(r.id));
    expect(receiverView.body).toMatchObject({ status: 'completed', loopClosedAt: res.body.loopClosedAt, loopClosedBy: { name: 'Carla CHW' } });
    const inbox = (await w.cboStaff.call('GET', '/api/v1/referrals?box=received')).body.data;
    expect(inbox[0]).toMatchObject({ id: r.id, loopClosedAt: res.body.loopClosedAt });
    const event = (await timeline(w.cboStaff.call, r.id)).find((e) => e.eventType === 'loop_closed');
    expect(event).toMatchObject({ actorName: 'Carla CHW', actorOrganizationName: 'Eastside Clinic', note: 'Rosa confirmed groceries arrived', outcome: 'services_received', toStatus: null });
    const again = await w.chw.call('POST', url(r.id, '/loop-closed'), { version: res.body.version });
    expect(problem(again)).toEqual([409, 'conflict', 'application/problem+json']);
    const audit = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, r.id), eq(schema.auditLog.action, 'referral.loop_closed')));
    expect(audit).toHaveLength(1);
  });

  it('refuses the receiver (403 forbidden), even on a completed referral', async () => {
    const w = await world(t);
    const r = await closed(w);
    const was = await row(r.id);
    const res = await w.cboStaff.call('POST', url(r.id, '/loop-closed'), { version: r.version });
    expect(problem(res)).toEqual([403, 'forbidden', 'application/problem+json']);
    expect(await row(r.id)).toEqual(was);
  });

  it('refuses the sender before there is an outcome (409 conflict), and on a declined referral', async () => {
    const w = await world(t);
    const r = await accepted(w);
    const open = await w.chw.call('POST', url(r.id, '/loop-closed'), { version: r.version });
    expect(problem(open)).toEqual([409, 'conflict', 'application/problem+json']);
    const s = await w.sent({ needs: ['housing-instability'] });
    const declined = await w.cboStaff.call('POST', url(s.id, '/transitions'), { to: 'declined', reason: 'no_capacity', version: s.version });
    const res = await w.chw.call('POST', url(s.id, '/loop-closed'), { version: declined.body.version });
    expect(problem(res)).toEqual([409, 'conflict', 'application/problem+json']);
    expect((await row(s.id)).loopClosedAt).toBeNull();
  });

  it('answers 404 to an unrelated organization, exactly as for a random id', async () => {
    const w = await world(t);
    const r = await closed(w);
    const outsider = await member(t, w.other);
    const res = await outsider.call('POST', url(r.id, '/loop-closed'), {});
    const random = await outsider.call('POST', url('00000000-0000-4000-8000-000000000000', '/loop-closed'), {});
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    expect(res.body.detail).toBe(random.body.detail);
  });

  it('refuses a stale version, and takes the sending organization’s API key (named as the key)', async () => {
    const w = await world(t);
    const r = await closed(w, 'unable_to_complete');
    const stale = await w.chw.call('POST', url(r.id, '/loop-closed'), { version: r.version - 1 });
    expect(problem(stale)).toEqual([409, 'stale_version', 'application/problem+json']);
    const key = await apiKey(t, w.clinic, ['referrals:read', 'referrals:write']);
    const res = await key('POST', url(r.id, '/loop-closed'), {});
    expect([res.status, res.body.loopClosedBy?.kind, res.body.loopClosedBy?.name]).toEqual([200, 'api_key', 'integration']);
  });

  it('is counted: awaiting until the sender closes the loop, then closed, by DHCS reason', async () => {
    const w = await world(t);
    const a = await closed(w, 'completed');
    await closed(w, 'unable_to_complete', 'client_unreachable');
    const counts = async () => (await w.chw.call('GET', '/api/v1/referrals/counts?box=sent')).body.loopClosure;
    expect(await counts()).toMatchObject({ awaiting: 2, closed: 0, byReason: expect.objectContaining({ services_received: 1, client_unreachable: 1 }) });
    await w.chw.call('POST', url(a.id, '/loop-closed'), { version: a.version });
    expect(await counts()).toMatchObject({ awaiting: 1, closed: 1 });
    expect((await w.cboStaff.call('GET', '/api/v1/referrals/counts?box=received')).body.loopClosure).toMatchObject({ awaiting: 1, closed: 1 });
  });
});
