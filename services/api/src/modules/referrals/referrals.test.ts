import { and, eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp, apiKey } from '../../testing/app';
import { notifier } from '../notifications';
import { referralsRepo } from './repo';
import { world } from './testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('a referral from a CHW to a CBO, end to end', () => {
  it('is sent, seen in the inbox, acknowledged on open, accepted, discussed, completed, and the sender sees every step', async () => {
    const w = await world(t);
    const d = await w.draft();
    expect(d).toMatchObject({ status: 'draft', sendingOrganizationId: w.clinic.id, packetMissing: [], allowedTransitions: ['sent', 'cancelled'] });

    // The receiver cannot see a draft at all.
    expect((await w.cboStaff.call('GET', `/api/v1/referrals/${d.id}`)).status).toBe(404);

    const sent = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', consentId: w.consent.id, consent: { status: 'active' } });
    // SLA clocks from the receiving service's targets (8 and 24 business hours).
    expect(Date.parse(sent.body.acknowledgeBy)).toBeGreaterThan(Date.parse(sent.body.sentAt));
    expect(Date.parse(sent.body.firstContactBy)).toBeGreaterThan(Date.parse(sent.body.acknowledgeBy));

    const inbox = await w.cboStaff.call('GET', '/api/v1/referrals?box=received');
    expect(inbox.status).toBe(200);
    expect(inbox.body.data.map((r: { id: string }) => r.id)).toEqual([d.id]);
    expect(inbox.body.data[0]).toMatchObject({ clientName: `Rosa ${w.client.familyName}`, sendingOrganizationName: 'Eastside Clinic', receivingOrganizationName: 'Boyle Heights Pantry', status: 'sent' });

    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${d.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'acknowledged', client: { id: w.client.id }, allowedTransitions: ['accepted', 'declined', 'cancelled'] });
    expect(opened.headers.etag).toMatch(new RegExp(`^"${opened.body.version}-[0-9a-f]{16}"$`));

    const accepted = await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/transitions`, { to: 'accepted', version: opened.body.version });
    expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);

    const msg = await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/messages`, { body: 'Intake Thursday 10am.' });
    expect(msg.status).toBe(201);
    const senderView = await w.chw.call('GET', `/api/v1/referrals/${d.id}`);
    expect(senderView.body).toMatchObject({ status: 'accepted', unreadMessages: 1 });
    expect((await w.chw.call('GET', '/api/v1/referrals?box=sent')).body.data[0].unreadMessages).toBe(1);
    expect((await w.chw.call('POST', `/api/v1/referrals/${d.id}/read`)).body.unreadMessages).toBe(0);
    expect((await w.chw.call('GET', '/api/v1/referrals?box=sent')).body.data[0].unreadMessages).toBe(0);
    const thread = await w.cboStaff.call('GET', `/api/v1/referrals/${d.id}/messages`);
    expect(thread.body.data).toEqual([expect.objectContaining({ body: 'Intake Thursday 10am.', authorName: 'Pat Pantry', readAt: expect.any(String) })]);

    const contact = await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/first-contact`, { method: 'phone' });
    expect([contact.status, typeof contact.body.firstContactAt, contact.body.firstContactMethod]).toEqual([200, 'string', 'phone']);
    const done = await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/transitions`, { to: 'completed', outcome: 'services_received', version: contact.body.version });
    expect([done.status, done.body.status, done.body.allowedTransitions, done.body.outcome]).toEqual([200, 'completed', [], 'services_received']);
    expect(done.body.closedAt).toEqual(expect.any(String));

    const timeline = await w.chw.call('GET', `/api/v1/referrals/${d.id}/timeline`);
    expect(timeline.status).toBe(200);
    const steps = timeline.body.data.filter((e: { kind: string }) => e.kind === 'event').map((e: { toStatus: string | null; eventType: string }) => e.toStatus ?? e.eventType);
    expect(steps).toEqual(['draft', 'sent', 'acknowledged', 'accepted', 'first_contact', 'completed']);
    expect(timeline.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'message', body: 'Intake Thursday 10am.', actorName: 'Pat Pantry', actorOrganizationName: 'Boyle Heights Pantry' }),
        expect.objectContaining({ kind: 'view', actorName: 'Pat Pantry' }),
        expect.objectContaining({ kind: 'event', toStatus: 'acknowledged', actorName: 'Pat Pantry' }),
      ]),
    );
    const times = timeline.body.data.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('writes one outbox row (ids only) and notifications for each status change', async () => {
    const w = await world(t);
    const r = await w.sent();
    const outbox = await t.db.select().from(schema.outbox).where(eq(schema.outbox.event, 'referral.status_changed'));
    const mine = outbox.filter((o) => o.payload.referralId === r.id);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]!.payload).sort()).toEqual(['at', 'from', 'referralId', 'to', 'version']);
    expect(mine[0]!.organizationIds.sort()).toEqual([w.clinic.id, w.cbo.id].sort());

    const notes = await w.cboStaff.call('GET', '/api/v1/notifications');
    expect(notes.body.data).toEqual([expect.objectContaining({ kind: 'referral.received', referralId: r.id, readAt: null })]);
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    const senderNotes = await w.chw.call('GET', '/api/v1/notifications');
    expect(senderNotes.body.data[0]).toMatchObject({ kind: 'referral.status_changed', title: 'Referral acknowledged', data: { status: 'acknowledged' } });
    const read = await w.cboStaff.call('POST', `/api/v1/notifications/${notes.body.data[0].id}/read`);
    expect(read.body.readAt).toEqual(expect.any(String));
    // Someone else's notification is a 404.
    expect((await w.chw.call('POST', `/api/v1/notifications/${notes.body.data[0].id}/read`)).status).toBe(404);
  });

  it('marks all of your unread notifications read at once, and nobody else\'s', async () => {
    const w = await world(t);
    await w.sent({ needs: ['housing-instability'] });
    await w.sent({ needs: ['transportation-insecurity'] });
    const r = await w.sent();
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`); // the sender is told it was acknowledged
    const unread = async (who: typeof w.chw) => (await who.call('GET', '/api/v1/notifications?unread=true')).body.data.length;
    expect(await unread(w.cboStaff)).toBe(3);
    const senderBefore = await unread(w.chw);
    expect(senderBefore).toBeGreaterThan(0);

    const all = await w.cboStaff.call('POST', '/api/v1/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ marked: 3 });
    expect(await unread(w.cboStaff)).toBe(0);
    const listed = (await w.cboStaff.call('GET', '/api/v1/notifications')).body.data;
    expect(listed).toHaveLength(3);
    expect(listed.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    // Again: nothing left to mark. The sender's notifications are untouched.
    expect((await w.cboStaff.call('POST', '/api/v1/notifications/read-all')).body).toEqual({ marked: 0 });
    expect(await unread(w.chw)).toBe(senderBefore);
  });

  it('records a view and audit rows for every read by either side', async () => {
    const w = await world(t);
    const r = await w.sent();
    await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    const views = await t.db.select().from(schema.referralViews).where(eq(schema.referralViews.referralId, r.id));
    expect(views.map((v) => v.userId).sort()).toEqual([w.chw.user.id, w.cboStaff.user.id].sort());
    const reads = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, r.id), eq(schema.auditLog.action, 'referral.read')));
    expect(reads.map((a) => a.organizationId).sort()).toEqual([w.clinic.id, w.cbo.id].sort());
    const clientReads = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, w.client.id), eq(schema.auditLog.action, 'client.read')));
    expect(clientReads).toHaveLength(2);
  });

  it('shows repeated opens by the same person as one view on the timeline, and audits each read', async () => {
    const w = await world(t);
    const r = await w.sent();
    for (let i = 0; i < 3; i++) await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    const views = await t.db.select().from(schema.referralViews).where(eq(schema.referralViews.referralId, r.id));
    expect(views.map((v) => v.userId)).toEqual([w.chw.user.id]);
    const reads = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, r.id), eq(schema.auditLog.action, 'referral.read')));
    expect(reads).toHaveLength(3);
  });

  it('assigns to receiving staff only, and shows it on the timeline', async () => {
    const w = await world(t);
    const r = await w.sent();
    const bad = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.chw.user.id });
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
    const ok = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id });
    expect(ok.body).toMatchObject({ assigneeId: w.cboStaff.user.id, assigneeName: 'Pat Pantry' });
    expect((await w.chw.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id })).status).toBe(403);
    const tl = await w.chw.call('GET', `/api/v1/referrals/${r.id}/timeline`);
    expect(tl.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'event', eventType: 'assigned', actorName: 'Pat Pantry', assigneeName: 'Pat Pantry' })]));
  });

  it('edits a draft with its version, and refuses a stale one or edits after sending', async () => {
    const w = await world(t);
    const d = await w.draft();
    const ok = await w.chw.call('PATCH', `/api/v1/referrals/${d.id}`, { reason: 'Updated reason', version: d.version });
    expect([ok.status, ok.body.reason, ok.body.version]).toEqual([200, 'Updated reason', d.version + 1]);
    const stale = await w.chw.call('PATCH', `/api/v1/referrals/${d.id}`, { reason: 'Again', version: d.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_version']);
    await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: ok.body.version });
    const late = await w.chw.call('PATCH', `/api/v1/referrals/${d.id}`, { reason: 'Too late', version: ok.body.version + 1 });
    expect([late.status, late.body.code]).toEqual([409, 'conflict']);
  });

  it('takes the sending organization from the body for a member of several, and checks membership', async () => {
    const w = await world(t);
    await t.db.insert(schema.memberships).values({ userId: w.chw.user.id, organizationId: w.other.id, role: 'staff' });
    const { call } = { call: w.chw.call };
    // Sessions carry memberships from sign-in: sign in again to pick up the second one.
    const { caller, signIn } = await import('../../testing/app');
    const both = caller(t.app, await signIn(t.app, w.chw.user.email));
    expect((await both('POST', '/api/v1/referrals', { needs: ['food-insecurity'] })).body.code).toBe('validation_failed');
    const chosen = await both('POST', '/api/v1/referrals', { sendingOrganizationId: w.other.id });
    expect([chosen.status, chosen.body.sendingOrganizationId]).toEqual([201, w.other.id]);
    const notMine = await call('POST', '/api/v1/referrals', { sendingOrganizationId: w.cbo.id });
    expect(notMine.status).toBe(403);
  });
});

describe('the overdue sweep', () => {
  const overdueNotes = async (referralId: string) =>
    (await t.db.select().from(schema.notifications).where(and(eq(schema.notifications.referralId, referralId), eq(schema.notifications.kind, 'referral.overdue'))))
      .map((n) => `${n.userId} ${n.title}`)
      .sort();
  const due = (id: string, set: Partial<typeof schema.referrals.$inferInsert>) => t.db.update(schema.referrals).set(set).where(eq(schema.referrals.id, id));
  const past = () => new Date(Date.now() - 60 * 60 * 1000);

  it('notifies the receiver and the sender once per late step, and leaves done steps and closed referrals alone', async () => {
    const w = await world(t);
    const late = await w.sent();
    const acknowledged = await w.sent({ needs: ['housing-instability'] });
    await w.cboStaff.call('GET', `/api/v1/referrals/${acknowledged.id}`);
    const cancelled = await w.sent({ needs: ['transportation-insecurity'] });
    await w.chw.call('POST', `/api/v1/referrals/${cancelled.id}/transitions`, { to: 'cancelled', reason: 'client_declined', version: cancelled.version });
    for (const r of [late, acknowledged, cancelled]) await due(r.id, { acknowledgeDueAt: past() });

    await referralsRepo.sweepOverdue(t.db, notifier);
    const ack = [`${w.cboStaff.user.id} Acknowledgement overdue · from ${w.clinic.name}`, `${w.chw.user.id} Acknowledgement overdue · at ${w.cbo.name}`].sort();
    expect(await overdueNotes(late.id)).toEqual(ack);
    expect(await overdueNotes(acknowledged.id)).toEqual([]);
    expect(await overdueNotes(cancelled.id)).toEqual([]);

    // Once per step: a second sweep adds nothing; a later late step adds its own.
    await referralsRepo.sweepOverdue(t.db, notifier);
    expect(await overdueNotes(late.id)).toEqual(ack);
    await due(late.id, { firstContactDueAt: past() });
    await referralsRepo.sweepOverdue(t.db, notifier);
    expect(await overdueNotes(late.id)).toEqual([...ack, `${w.cboStaff.user.id} First contact overdue · from ${w.clinic.name}`, `${w.chw.user.id} First contact overdue · at ${w.cbo.name}`].sort());
    // The receiver sees it in their notifications.
    const mine = await w.cboStaff.call('GET', '/api/v1/notifications?unread=true');
    expect(mine.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'referral.overdue', referralId: late.id, title: `First contact overdue · from ${w.clinic.name}` })]));
    // The same as data, with the client's initials, for clients to word in the reader's language (issue 24).
    const theirs = await w.chw.call('GET', '/api/v1/notifications?unread=true');
    const clientInitials = `${w.client.givenName[0]!.toUpperCase()}. ${w.client.familyName[0]!.toUpperCase()}.`;
    expect(mine.body.data.find((n: { title: string }) => n.title.startsWith('First contact')).data).toEqual({ step: 'first_contact', side: 'receiver', organizationName: w.clinic.name, clientInitials });
    expect(theirs.body.data.find((n: { title: string }) => n.title.startsWith('First contact')).data).toEqual({ step: 'first_contact', side: 'sender', organizationName: w.cbo.name, clientInitials });
  });

  it('notifies the assignee rather than every member of the receiving organization', async () => {
    const w = await world(t);
    const r = await w.sent();
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id, version: opened.body.version });
    await due(r.id, { firstContactDueAt: past() });
    await referralsRepo.sweepOverdue(t.db, notifier);
    expect(await overdueNotes(r.id)).toEqual([`${w.cboStaff.user.id} First contact overdue · from ${w.clinic.name}`, `${w.chw.user.id} First contact overdue · at ${w.cbo.name}`].sort());
  });
});

// Found by app.roundtrips.property.test.ts: two answers the contract did not allow.
describe('answers the contract allows', () => {
  it('creates and shows a draft for a client with no preferred language (was a 500 after commit)', async () => {
    const w = await world(t);
    const client = await w.chw.call('POST', '/api/v1/clients', { givenName: 'Ana', familyName: 'Sinlengua' });
    expect([client.status, client.body.client.preferredLanguage]).toEqual([201, null]);
    const d = await w.chw.call('POST', '/api/v1/referrals', { clientId: client.body.client.id });
    expect([d.status, d.body.client?.preferredLanguage]).toEqual([201, null]);
    expect((await w.chw.call('GET', `/api/v1/referrals/${d.body.id}`)).status).toBe(200);
  });

  it('lists a message written through an API key with a null author id, the key named as its author (was a 500)', async () => {
    const w = await world(t);
    const s = await w.sent();
    const key = await apiKey(t, w.clinic, ['referrals:read', 'referrals:write']);
    const posted = await key('POST', `/api/v1/referrals/${s.id}/messages`, { body: 'Synced from our case system' });
    expect([posted.status, posted.body.authorUserId, posted.body.authorName, posted.body.author.kind]).toEqual([201, null, 'integration', 'api_key']);
    for (const reader of [key, w.chw.call, w.cboStaff.call]) {
      const list = await reader('GET', `/api/v1/referrals/${s.id}/messages`);
      expect([list.status, list.body.data.map((m: { authorUserId: string | null }) => m.authorUserId)]).toEqual([200, [null]]);
    }
  });
});
