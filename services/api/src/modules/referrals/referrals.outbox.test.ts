import { eq, sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { testApp, type TestApp } from '../../testing/app';
import { notifier } from '../notifications';
import { sweepOverdueReferrals } from '.';
import { world } from './testing';

// The webhook events (issue 27) are outbox rows written with the change they report: one per
// event type, addressed to the organizations that may see it, carrying ids, status and version only.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const eventsOf = async (referralId: string) =>
  (await t.db.select().from(schema.outbox).where(sql`${schema.outbox.payload}->>'referralId' = ${referralId}`).orderBy(schema.outbox.createdAt, schema.outbox.id)).map((o) => ({
    event: o.event,
    orgs: [...o.organizationIds].sort(),
    payload: o.payload,
  }));

describe('webhook events in the outbox', () => {
  it('writes created, sent and status_changed, assigned, message_created and overdue, each to who may see it, with no client detail', async () => {
    const w = await world(t);
    const both = [w.clinic.id, w.cbo.id].sort();
    const d = await w.draft();
    expect(await eventsOf(d.id)).toEqual([{ event: 'referral.created', orgs: [w.clinic.id], payload: expect.objectContaining({ referralId: d.id, status: 'draft', version: 1 }) }]);

    expect((await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, {})).status).toBe(200);
    const afterSend = (await eventsOf(d.id)).slice(1);
    expect(afterSend.map((e) => [e.event, e.orgs])).toEqual(expect.arrayContaining([['referral.status_changed', both], ['referral.sent', both]]));
    expect(afterSend).toHaveLength(2);

    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${d.id}`);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/assign`, { assigneeId: w.cboStaff.user.id, version: opened.body.version })).status).toBe(200);
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/messages`, { body: 'We called the client' })).status).toBe(201);
    const later = (await eventsOf(d.id)).map((e) => [e.event, e.orgs]);
    expect(later).toContainEqual(['referral.assigned', [w.cbo.id]]);
    expect(later).toContainEqual(['referral.message_created', both]);

    // The acknowledgement was due an hour ago and first contact too: the sweep writes one event per late step.
    await t.db.update(schema.referrals).set({ acknowledgedAt: null, acknowledgeDueAt: new Date(Date.now() - 3_600_000), firstContactDueAt: new Date(Date.now() - 3_600_000) }).where(eq(schema.referrals.id, d.id));
    await sweepOverdueReferrals(t.db, notifier);
    const overdue = (await eventsOf(d.id)).filter((e) => e.event === 'referral.overdue');
    expect(overdue.map((e) => [e.orgs, e.payload.step]).sort()).toEqual([[both, 'acknowledge'], [both, 'first_contact']]);

    // Ids, status, step and version only: no message text, no client.
    const text = JSON.stringify(await eventsOf(d.id));
    for (const phi of ['We called the client', 'Family of four', w.client.familyName, w.client.givenName]) expect(text).not.toContain(phi);
  });
});
