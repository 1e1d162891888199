import { api } from '@tandem/contract';
import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp, member, type Call } from '../../testing/app';
import { world, type World } from '../referrals/testing';

// Issue 24: who is notified of a referral's changes (README "Who is notified"), what a
// notification carries, following, and per-user settings respected when notifications are made.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Note = { kind: string; entityType: string | null; entityId: string | null; referralId: string | null; data: Record<string, string> };
const notes = async (call: Call, referralId?: string): Promise<Note[]> => {
  const res = await call('GET', '/api/v1/notifications?limit=100');
  expect(res.status).toBe(200);
  return (res.body.data as Note[]).filter((n) => !referralId || n.entityId === referralId);
};
const kinds = async (call: Call, referralId: string) => (await notes(call, referralId)).map((n) => n.kind).sort();
const initialsOf = (w: World) => `${w.client.givenName[0]!.toUpperCase()}. ${w.client.familyName[0]!.toUpperCase()}.`;
/** Sent, then opened by the receiving staff (which acknowledges it); the version now. */
const sentAndOpened = async (w: World, over: Record<string, unknown> = {}) => {
  const r = await w.sent(over);
  const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
  return { id: r.id, version: opened.body.version as number };
};

describe('GET /api/v1/notifications', () => {
  it('names the referral as the entity and carries the client initials and what changed as data', async () => {
    const w = await world(t);
    const r = await sentAndOpened(w);
    const [received] = await notes(w.cboStaff.call, r.id);
    expect(received).toEqual(expect.objectContaining({ kind: 'referral.received', entityType: 'referral', entityId: r.id, referralId: r.id, data: { clientInitials: initialsOf(w) } }));
    const [ack] = await notes(w.chw.call, r.id);
    expect(ack).toEqual(expect.objectContaining({ kind: 'referral.status_changed', entityType: 'referral', entityId: r.id, data: { clientInitials: initialsOf(w), status: 'acknowledged' } }));
  });

  it("is removed with its referral (referral_id's cascade)", async () => {
    const w = await world(t);
    const r = await sentAndOpened(w);
    expect((await notes(w.cboStaff.call, r.id)).length).toBe(1);
    await t.db.delete(schema.referralEvents).where(eq(schema.referralEvents.referralId, r.id));
    await t.db.delete(schema.referrals).where(eq(schema.referrals.id, r.id));
    expect(await notes(w.cboStaff.call, r.id)).toEqual([]);
  });
});

describe('who is notified of a referral', () => {
  it("tells the sender, not the sender's colleagues, of the receiver's changes", async () => {
    const w = await world(t);
    const colleague = await member(t, w.clinic);
    const r = await sentAndOpened(w);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version })).status).toBe(200);
    expect(await kinds(w.chw.call, r.id)).toEqual(['referral.status_changed', 'referral.status_changed']);
    expect(await kinds(colleague.call, r.id)).toEqual([]);
  });

  it('tells every member of the receiving organization while no one is assigned, then only the assignee', async () => {
    const w = await world(t);
    const second = await member(t, w.cbo);
    const third = await member(t, w.cbo);
    const r = await sentAndOpened(w);
    expect(await kinds(second.call, r.id)).toEqual(['referral.received', 'referral.status_changed']);
    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Any news?' });
    expect(await kinds(third.call, r.id)).toEqual(['referral.message', 'referral.received', 'referral.status_changed']);

    const assigned = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: second.user.id, version: r.version });
    expect(assigned.status).toBe(200);
    // The new assignee hears it is theirs; the one who assigned it does not notify themselves.
    expect(await kinds(second.call, r.id)).toEqual(['referral.assigned', 'referral.message', 'referral.received', 'referral.status_changed']);
    expect((await notes(second.call, r.id)).find((n) => n.kind === 'referral.assigned')?.data).toEqual({ clientInitials: initialsOf(w) });

    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Thanks, who has it?' });
    expect(await kinds(second.call, r.id)).toEqual(['referral.assigned', 'referral.message', 'referral.message', 'referral.received', 'referral.status_changed']);
    expect(await kinds(third.call, r.id)).toEqual(['referral.message', 'referral.received', 'referral.status_changed']);
  });

  it('tells no one of assigning a referral to oneself', async () => {
    const w = await world(t);
    const r = await sentAndOpened(w);
    await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id, version: r.version });
    expect(await kinds(w.cboStaff.call, r.id)).toEqual(['referral.received']);
  });
});

describe('POST and DELETE /api/v1/referrals/:id/follow', () => {
  it('tells a follower of changes and messages until they unfollow', async () => {
    const w = await world(t);
    const colleague = await member(t, w.clinic);
    const r = await sentAndOpened(w, { needs: ['housing-instability'] });
    expect((await colleague.call.op(api.getReferral, { params: { id: r.id } })).body.following).toBe(false);
    expect((await colleague.call('POST', `/api/v1/referrals/${r.id}/follow`)).body).toEqual({ referralId: r.id, following: true });
    // The referral says so to the follower, and only to them.
    expect((await colleague.call.op(api.getReferral, { params: { id: r.id } })).body.following).toBe(true);
    expect((await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`)).body.following).toBe(false);
    // Following twice is following.
    expect((await colleague.call('POST', `/api/v1/referrals/${r.id}/follow`)).status).toBe(200);
    await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'We called the client' });
    expect(await kinds(colleague.call, r.id)).toEqual(['referral.message']);

    expect((await colleague.call('DELETE', `/api/v1/referrals/${r.id}/follow`)).body).toEqual({ referralId: r.id, following: false });
    expect((await colleague.call.op(api.getReferral, { params: { id: r.id } })).body.following).toBe(false);
    await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Appointment on Monday' });
    expect(await kinds(colleague.call, r.id)).toEqual(['referral.message']);
  });

  it('answers 404 to someone who may not read the referral, and follows nothing', async () => {
    const w = await world(t);
    const outsider = await member(t, w.other);
    const r = await w.sent();
    const res = await outsider.call('POST', `/api/v1/referrals/${r.id}/follow`);
    expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    expect(await t.db.select().from(schema.referralFollows).where(eq(schema.referralFollows.referralId, r.id))).toEqual([]);
  });
});

describe('/api/v1/me/notification-settings', () => {
  it('starts with every kind on (and every emailable kind by email) at version 1, with its ETag', async () => {
    const w = await world(t);
    const res = await w.chw.call('GET', '/api/v1/me/notification-settings');
    expect([res.status, res.headers.etag, res.body]).toEqual([
      200,
      expect.stringMatching(/^"1-[0-9a-f]{16}"$/), // a read's tag: version and digest (ADR 0007)
      { enabled: { 'referral.received': true, 'referral.status_changed': true, 'referral.message': true, 'referral.overdue': true, 'referral.assigned': true, 'board.application_decided': true, 'board.recommendation_overdue': true, 'webhook.paused': true },
        email: { 'referral.received': true, 'referral.assigned': true, 'referral.overdue': true },
        version: 1,
      },
    ]);
  });

  it('turns a kind off with the version read, and no notification of that kind is made for that user', async () => {
    const w = await world(t);
    const second = await member(t, w.cbo);
    const off = await second.call('PUT', '/api/v1/me/notification-settings', { enabled: { 'referral.message': false } }, { 'if-match': '"1"' });
    expect([off.status, off.body.enabled['referral.message'], off.body.enabled['referral.received'], off.body.version]).toEqual([200, false, true, 2]);
    const r = await sentAndOpened(w);
    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Any news?' });
    expect(await kinds(second.call, r.id)).toEqual(['referral.received', 'referral.status_changed']);
    expect(await kinds(w.cboStaff.call, r.id)).toEqual(['referral.message', 'referral.received']);

    // On again: the next message reaches them.
    const on = await second.call('PUT', '/api/v1/me/notification-settings', { enabled: { 'referral.message': true }, version: 2 });
    expect([on.status, on.body.version]).toEqual([200, 3]);
    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Still there?' });
    expect(await kinds(second.call, r.id)).toEqual(['referral.message', 'referral.received', 'referral.status_changed']);
  });

  it('refuses an unknown kind with 400, and a stale version with 409', async () => {
    const w = await world(t);
    const bad = await w.chw.call('PUT', '/api/v1/me/notification-settings', { enabled: { 'referral.nonsense': false }, version: 1 });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    const stale = await w.chw.call('PUT', '/api/v1/me/notification-settings', { enabled: { 'referral.message': false } }, { 'if-match': '"4"' });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([409, 'stale_version', 1]);
  });

  it('turns email of a kind off and on again, alone, audited; a kind that is in-app only cannot be emailed', async () => {
    const w = await world(t);
    const off = await w.chw.call('PUT', '/api/v1/me/notification-settings', { email: { 'referral.assigned': false }, version: 1 });
    expect([off.status, off.body.email, off.body.enabled['referral.assigned'], off.body.version]).toEqual([200, { 'referral.received': true, 'referral.assigned': false, 'referral.overdue': true }, true, 2]);
    const read = await w.chw.call('GET', '/api/v1/me/notification-settings');
    expect(read.body.email['referral.assigned']).toBe(false);
    const inAppOnly = await w.chw.call('PUT', '/api/v1/me/notification-settings', { email: { 'referral.message': false }, version: 2 });
    expect([inAppOnly.status, inAppOnly.body.code]).toEqual([400, 'validation_failed']);
    const on = await w.chw.call('PUT', '/api/v1/me/notification-settings', { email: { 'referral.assigned': true }, version: 2 });
    expect([on.status, on.body.email['referral.assigned'], on.body.version]).toEqual([200, true, 3]);
  });
});
