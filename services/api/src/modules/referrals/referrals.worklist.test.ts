import { eq, inArray } from 'drizzle-orm';
import { WORKLIST_FILTERS } from '@tandem/contract';
import { schema } from '@tandem/db';
import { testApp, type TestApp, apiKey, member, type Call } from '../../testing/app';
import { world } from './testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);
const HOUR = 3_600_000;
const late = (...refIds: string[]) =>
  t.db.update(schema.referrals).set({ acknowledgeDueAt: new Date(Date.now() - HOUR) }).where(inArray(schema.referrals.id, refIds));

/** Each worklist number is the length of the inbox list WORKLIST_FILTERS names for it. */
const listOf = async (call: Call, filter: Record<string, string>) => {
  const res = await call('GET', `/api/v1/referrals?${new URLSearchParams({ ...filter, limit: '100' }).toString()}`);
  expect(res.status).toBe(200);
  return ids(res.body);
};

describe('GET /api/v1/referrals/worklist and the filters behind it', () => {
  it("counts the CHW's own drafts, returned, overdue and unread, each the length of its list", async () => {
    const w = await world(t);
    const colleague = await member(t, w.clinic, 'staff', 'Other CHW');
    const draft = await w.draft();
    const declined = await w.sent({ needs: ['food-insecurity'] });
    const overdue = await w.sent({ needs: ['housing-instability'] });
    const talked = await w.sent({ needs: ['homelessness'] });
    // A colleague's referral is in the clinic's sent box but not on Carla's worklist.
    const theirs = await w.draft({ needs: ['stress'] }, colleague.call);
    await colleague.call('POST', `/api/v1/referrals/${theirs.id}/send`, { version: theirs.version });

    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${declined.id}/transitions`, { to: 'declined', reason: 'no_capacity', version: declined.version })).status).toBe(200);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${talked.id}/messages`, { body: 'Called twice, no answer yet.' })).status).toBe(201);
    // Late at the partner: the open one, and the declined one (terminal: never overdue).
    await late(overdue.id, declined.id, theirs.id);

    const wl = await w.chw.call('GET', '/api/v1/referrals/worklist');
    expect(wl.status).toBe(200);
    expect(wl.body.sent).toEqual({ drafts: 1, returned: 1, overdue: 1, unreadMessages: 1 });
    const expected = { drafts: [draft.id], returned: [declined.id], overdue: [overdue.id], unreadMessages: [talked.id] };
    for (const [bucket, filter] of Object.entries(WORKLIST_FILTERS.sent)) {
      expect([bucket, await listOf(w.chw.call, filter)]).toEqual([bucket, expected[bucket as keyof typeof expected]]);
    }
    // The colleague's own worklist holds only theirs.
    expect((await colleague.call('GET', '/api/v1/referrals/worklist')).body.sent).toEqual({ drafts: 0, returned: 0, overdue: 1, unreadMessages: 0 });
    expect(await listOf(colleague.call, { box: 'sent', sentBy: 'me' })).toEqual([theirs.id]);

    // Reading a thread empties "unread" and takes a declined one off "returned".
    await w.chw.call('POST', `/api/v1/referrals/${talked.id}/read`);
    await w.chw.call('POST', `/api/v1/referrals/${declined.id}/read`);
    expect((await w.chw.call('GET', '/api/v1/referrals/worklist')).body.sent).toEqual({ drafts: 1, returned: 0, overdue: 1, unreadMessages: 0 });
    // Unable to complete comes back too, until the loop is marked closed.
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${overdue.id}`);
    const accepted = await w.cboStaff.call('POST', `/api/v1/referrals/${overdue.id}/transitions`, { to: 'accepted', version: opened.body.version });
    const done = await w.cboStaff.call('POST', `/api/v1/referrals/${overdue.id}/transitions`, { to: 'unable_to_complete', reason: 'client_unreachable', outcome: 'client_unreachable', version: accepted.body.version });
    expect(done.status).toBe(200);
    expect(await listOf(w.chw.call, WORKLIST_FILTERS.sent.returned)).toEqual([overdue.id]);
    const closed = await w.chw.call('POST', `/api/v1/referrals/${overdue.id}/loop-closed`, { version: done.body.version });
    expect(closed.status).toBe(200);
    expect((await w.chw.call('GET', '/api/v1/referrals/worklist')).body.sent).toEqual({ drafts: 1, returned: 0, overdue: 0, unreadMessages: 0 });
  });

  it('counts what the CBO staff must acknowledge, what is assigned to them, overdue and unread', async () => {
    const w = await world(t);
    const fresh = await w.sent({ needs: ['food-insecurity'] });
    const mine = await w.sent({ needs: ['housing-instability'] });
    const overdue = await w.sent({ needs: ['homelessness'] });
    const done = await w.sent({ needs: ['inadequate-housing'] });
    await w.draft(); // never in anyone's received box
    const colleague = await member(t, w.cbo, 'staff', 'Other Pantry');

    // Opening acknowledges; assigned to me; one declined (and late: terminal, so not overdue).
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${mine.id}`);
    expect(opened.body.status).toBe('acknowledged');
    await w.cboStaff.call('POST', `/api/v1/referrals/${mine.id}/assign`, { assigneeId: w.cboStaff.user.id });
    await w.cboStaff.call('POST', `/api/v1/referrals/${done.id}/transitions`, { to: 'declined', reason: 'no_capacity', version: done.version });
    await w.cboStaff.call('POST', `/api/v1/referrals/${done.id}/assign`, { assigneeId: w.cboStaff.user.id });
    await w.chw.call('POST', `/api/v1/referrals/${fresh.id}/messages`, { body: 'She prefers mornings.' });
    await late(overdue.id, done.id);

    const wl = await w.cboStaff.call('GET', '/api/v1/referrals/worklist');
    expect(wl.body.received).toEqual({ toAcknowledge: 2, assignedToMe: 1, overdue: 1, unreadMessages: 1 });
    const expected = { toAcknowledge: [overdue.id, fresh.id], assignedToMe: [mine.id], overdue: [overdue.id], unreadMessages: [fresh.id] };
    for (const [bucket, filter] of Object.entries(WORKLIST_FILTERS.received)) {
      expect([bucket, await listOf(w.cboStaff.call, filter)]).toEqual([bucket, expected[bucket as keyof typeof expected]]);
    }
    // Assigned to me is per person; what to acknowledge is the organization's.
    expect((await colleague.call('GET', '/api/v1/referrals/worklist')).body.received).toEqual({ toAcknowledge: 2, assignedToMe: 0, overdue: 1, unreadMessages: 1 });
    // An unrelated organization's staff see zeros.
    const stranger = await member(t, w.other);
    expect((await stranger.call('GET', '/api/v1/referrals/worklist')).body).toEqual({
      sent: { drafts: 0, returned: 0, overdue: 0, unreadMessages: 0 },
      received: { toAcknowledge: 0, assignedToMe: 0, overdue: 0, unreadMessages: 0 },
    });
  });

  it('closed=false keeps drafts and open ones, closed=true only terminal ones; assigneeId stays the receiving assignee on the sent box', async () => {
    const w = await world(t);
    const draft = await w.draft();
    const open = await w.sent({ needs: ['food-insecurity'] });
    const declined = await w.sent({ needs: ['housing-instability'] });
    await w.cboStaff.call('POST', `/api/v1/referrals/${declined.id}/transitions`, { to: 'declined', reason: 'no_capacity', version: declined.version });
    await w.cboStaff.call('POST', `/api/v1/referrals/${open.id}/assign`, { assigneeId: w.cboStaff.user.id });
    expect(await listOf(w.chw.call, { box: 'sent', closed: 'false' })).toEqual([open.id, draft.id]);
    expect(await listOf(w.chw.call, { box: 'sent', closed: 'true' })).toEqual([declined.id]);
    expect(await listOf(w.chw.call, { box: 'sent', sentBy: 'me' })).toEqual([declined.id, open.id, draft.id]);
    expect(await listOf(w.chw.call, { box: 'sent', assigneeId: w.cboStaff.user.id })).toEqual([open.id]);
    expect(await listOf(w.chw.call, { box: 'sent', assigneeId: 'me' })).toEqual([]);
    expect(await listOf(w.cboStaff.call, { box: 'received', closed: 'false' })).toEqual([open.id]);
  });

  it('sort=urgency puts emergent, then urgent, then routine first, newest first within each, and pages without gaps', async () => {
    const w = await world(t);
    const routineOld = await w.draft({ urgency: 'routine' });
    const urgent = await w.draft({ urgency: 'urgent' });
    const emergent = await w.draft({ urgency: 'emergent' });
    const routineNew = await w.draft({ urgency: 'routine' });
    const urgent2 = await w.draft({ urgency: 'urgent' });
    const want = [emergent.id, urgent2.id, urgent.id, routineNew.id, routineOld.id];
    expect(await listOf(w.chw.call, { box: 'sent', sort: 'urgency' })).toEqual(want);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = (
        await w.chw.call('GET', `/api/v1/referrals?box=sent&sort=urgency&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(want);
    // A cursor of the other order is refused, not misread.
    const first = (await w.chw.call('GET', '/api/v1/referrals?box=sent&limit=1')).body.nextCursor;
    const mixed = await w.chw.call('GET', `/api/v1/referrals?box=sent&sort=urgency&cursor=${first}`);
    expect([mixed.status, mixed.body.code]).toEqual([400, 'invalid_cursor']);
    const sync = await w.chw.call('GET', '/api/v1/referrals?box=sent&sort=urgency&updatedSince=2020-01-01T00:00:00Z');
    expect([sync.status, sync.body.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses "me" filters and the worklist to an API key, and unknown filters to anyone', async () => {
    const w = await world(t);
    const key = await apiKey(t, w.clinic, ['referrals:read']);
    // unread=true is the organization's read state for a key (referrals.access.test.ts), not a "me" filter.
    for (const q of ['sentBy=me', 'returned=true']) {
      const res = await key('GET', `/api/v1/referrals?box=sent&${q}`);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'validation_failed']);
    }
    expect((await key('GET', '/api/v1/referrals/worklist')).status).toBe(403);
    expect((await w.chw.call('GET', '/api/v1/referrals?box=sent&sentBy=them')).status).toBe(400);
    expect((await w.chw.call('GET', '/api/v1/referrals?box=sent&sort=oldest')).status).toBe(400);
  });

  it('never counts or lists a terminal referral as overdue, even with its due times past', async () => {
    const w = await world(t);
    const r = await w.sent({ needs: ['food-insecurity'] });
    await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'declined', reason: 'no_capacity', version: r.version });
    await t.db
      .update(schema.referrals)
      .set({ acknowledgeDueAt: new Date(Date.now() - 2 * HOUR), firstContactDueAt: new Date(Date.now() - HOUR) })
      .where(eq(schema.referrals.id, r.id));
    expect(await listOf(w.chw.call, { box: 'sent', overdue: 'true' })).toEqual([]);
    expect((await w.chw.call('GET', '/api/v1/referrals/counts?box=sent')).body.overdue).toBe(0);
    expect((await w.chw.call('GET', '/api/v1/referrals/worklist')).body.sent.overdue).toBe(0);
  });
});
