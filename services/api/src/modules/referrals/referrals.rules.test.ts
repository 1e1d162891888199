import { eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { REFERRAL_STATUSES, type ReferralStatus } from '@tandem/contract';
import { testApp, type TestApp, member } from '../../testing/app';
import { referralsRepo } from './repo';
import { world } from './testing';
import { newConsent } from '@tandem/db/testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const events = async (referralId: string) => t.db.select().from(schema.referralEvents).where(eq(schema.referralEvents.referralId, referralId));
const row = async (id: string) => (await t.db.select().from(schema.referrals).where(eq(schema.referrals.id, id)))[0]!;

describe('POST /api/v1/referrals/:id/transitions', () => {
  it.each<[string, ReferralStatus, 'sender' | 'receiver']>([
    ['sent → completed', 'completed', 'receiver'],
    ['sent → in_progress', 'in_progress', 'receiver'],
    ['sent → draft', 'draft', 'sender'],
    ['sent → on_hold', 'on_hold', 'receiver'],
  ])('refuses %s with 409 invalid_transition and lists what is allowed', async (_name, to, side) => {
    const w = await world(t);
    const r = await w.sent();
    const call = side === 'sender' ? w.chw.call : w.cboStaff.call;
    const res = await call('POST', `/api/v1/referrals/${r.id}/transitions`, { to, version: r.version });
    expect([res.status, res.body.code]).toEqual([409, 'invalid_transition']);
    expect(res.body.allowed).toEqual(side === 'sender' ? ['cancelled'] : ['acknowledged', 'accepted', 'declined', 'cancelled']);
    expect((await row(r.id)).status).toBe('sent');
  });

  it('refuses completed → in_progress', async () => {
    const w = await world(t);
    const r = await w.sent();
    let v = r.version;
    for (const to of ['accepted', 'completed'] as const) {
      v = (await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to, version: v, ...(to === 'completed' ? { outcome: 'services_received' } : {}) })).body.version;
    }
    const res = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'in_progress', version: v });
    expect([res.status, res.body.code, res.body.allowed]).toEqual([409, 'invalid_transition', []]);
  });

  // From sent it may be chosen (how an API key acknowledges: referrals.access.test.ts).
  it('refuses "acknowledged" as a choice from every status but sent', async () => {
    const w = await world(t);
    for (const from of REFERRAL_STATUSES.filter((s) => s !== 'sent')) {
      const d = await w.draft();
      // Put the row in `from` directly: this test is about the guard, not the path there. Every
      // status but a draft's is reached by sending here (the receiver never sees one not sent).
      await t.db.update(schema.referrals).set({ status: from, sentAt: from === 'draft' ? null : new Date() }).where(eq(schema.referrals.id, d.id));
      const res = await w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/transitions`, { to: 'acknowledged', version: d.version });
      const expected = from === 'draft' ? 404 : 409; // the receiver never sees a draft
      expect([from, res.status]).toEqual([from, expected]);
      if (expected === 409) expect(res.body.code).toBe('invalid_transition');
      expect((await row(d.id)).status).toBe(from);
    }
  });

  it('requires a reason to decline, and refuses the sender accepting (403)', async () => {
    const w = await world(t);
    const r = await w.sent();
    const noReason = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'declined', version: r.version });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'validation_failed']);
    const senderAccepts = await w.chw.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version });
    expect([senderAccepts.status, senderAccepts.body.code]).toEqual([403, 'forbidden']);
    const ok = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'declined', reason: 'no_capacity', version: r.version });
    expect([ok.status, ok.body.status, ok.body.statusReason]).toEqual([200, 'declined', 'no_capacity']);
  });

  it('refuses a stale version with 409 stale_version, by body or If-Match', async () => {
    const w = await world(t);
    const r = await w.sent();
    const first = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version });
    expect(first.status).toBe(200);
    const second = await w.chw.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', reason: 'client_declined', version: r.version });
    expect([second.status, second.body.code]).toEqual([409, 'stale_version']);
    const viaHeader = await w.chw.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', reason: 'client_declined' }, { 'if-match': `"${r.version}"` });
    expect([viaHeader.status, viaHeader.body.code]).toEqual([409, 'stale_version']);
    // Header and body naming different versions: neither wins.
    const both = await w.chw.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'cancelled', reason: 'client_declined', version: first.body.version }, { 'if-match': `"${r.version}"` });
    expect([both.status, both.body.code]).toEqual([409, 'version_mismatch']);
    expect((await row(r.id)).status).toBe('accepted');
  });

  // The race the API cannot catch in JS (both callers read the same version): the change and its
  // records are one statement, and a version that no longer matches undoes all of it.
  it('writes no event, outbox or audit row for a change whose version went stale in the database', async () => {
    const w = await world(t);
    const r = await w.sent();
    const before = await events(r.id);
    const records = [
      referralsRepo.eventInsert(t.db, { referralId: r.id, kind: 'status_changed', fromStatus: 'sent', toStatus: 'accepted' }),
      referralsRepo.outboxInsert(t.db, 'referral.status_changed', [w.clinic.id], { referralId: r.id }),
    ];
    expect(await referralsRepo.updateVersionedWith(t.db, r.id, r.version + 1, { status: 'accepted' }, records)).toBeUndefined();
    expect(await events(r.id)).toEqual(before);
    expect(await t.db.select().from(schema.outbox).where(eq(schema.outbox.event, 'referral.status_changed'))).not.toContainEqual(expect.objectContaining({ payload: { referralId: r.id } }));
    expect((await row(r.id)).status).toBe('sent');
    const changed = await referralsRepo.updateVersionedWith(t.db, r.id, r.version, { status: 'accepted' }, records);
    expect([changed?.status, changed?.version]).toEqual(['accepted', r.version + 1]);
    expect((await events(r.id)).length).toBe(before.length + 1);
  });

  it('lets only one of two concurrent changes from the same version win', async () => {
    const w = await world(t);
    const r = await w.sent();
    const [a, b] = await Promise.all([
      w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: r.version }),
      w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'declined', reason: 'no_capacity', version: r.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await events(r.id)).filter((e) => e.toStatus === 'accepted' || e.toStatus === 'declined')).toHaveLength(1);
  });

  it('a retried transition with the same Idempotency-Key makes one event', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = { 'idempotency-key': `tr-${r.id}` };
    const body = { to: 'accepted', version: r.version };
    const one = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, body, key);
    const two = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, body, key);
    expect([one.status, two.status, two.headers['idempotent-replayed']]).toEqual([200, 200, 'true']);
    expect((await events(r.id)).filter((e) => e.toStatus === 'accepted')).toHaveLength(1);
  });
});

describe('POST /api/v1/referrals (create) and /send', () => {
  it('a retried create with the same Idempotency-Key makes one referral', async () => {
    const w = await world(t);
    const body = { clientId: w.client.id, receivingOrganizationId: w.cbo.id, needs: ['food-insecurity'] };
    const key = { 'idempotency-key': `create-${w.client.id}` };
    const one = await w.chw.call('POST', '/api/v1/referrals', body, key);
    const two = await w.chw.call('POST', '/api/v1/referrals', body, key);
    expect([one.status, two.status, two.body.id]).toEqual([201, 201, one.body.id]);
    expect(await t.db.select().from(schema.referrals).where(eq(schema.referrals.sendingOrgId, w.clinic.id))).toHaveLength(1);
  });

  it('answers 422 packet_incomplete listing exactly what is missing', async () => {
    const w = await world(t);
    const res = await w.chw.call('POST', '/api/v1/referrals', { receivingOrganizationId: w.cbo.id, senderContactName: null });
    expect(res.body.packetMissing.map((m: { field: string }) => m.field)).toEqual(['client', 'needs', 'reason', 'senderContact', 'consent']);
    const send = await w.chw.call('POST', `/api/v1/referrals/${res.body.id}/send`, {});
    expect([send.status, send.body.code]).toEqual([422, 'packet_incomplete']);
    expect(send.body.missing.map((m: { field: string }) => m.field)).toEqual(['client', 'needs', 'reason', 'senderContact', 'consent']);
    expect(send.body.errors.map((e: { path: string }) => e.path)).toEqual(['client', 'needs', 'reason', 'senderContact', 'consent']);
    expect((await row(res.body.id)).status).toBe('draft');
  });

  it('lists a missing receiving organization on the draft as on the refused send', async () => {
    const w = await world(t);
    const res = await w.chw.call('POST', '/api/v1/referrals', { clientId: w.client.id, needs: ['food-insecurity'], reason: 'Food runs out mid-month' });
    expect(res.body.packetMissing.map((m: { field: string }) => m.field)).toEqual(['receivingOrganization']);
    const send = await w.chw.call('POST', `/api/v1/referrals/${res.body.id}/send`, {});
    expect([send.status, send.body.missing.map((m: { field: string }) => m.field)]).toEqual([422, ['receivingOrganization']]);
  });

  it('refuses a duplicate open referral naming who holds it, then sends it when confirmed with a reason', async () => {
    const w = await world(t);
    const first = await w.sent();
    await w.cboStaff.call('POST', `/api/v1/referrals/${first.id}/assign`, { assigneeId: w.cboStaff.user.id });
    const d = await w.draft({ receivingOrganizationId: w.other.id, receivingServiceId: null, needs: ['food-insecurity', 'housing-instability'] });
    const refused = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect([refused.status, refused.body.code]).toEqual([409, 'duplicate_referral']);
    expect(refused.body.duplicates).toEqual([
      { referralId: first.id, organizationName: 'Boyle Heights Pantry', contactName: 'Pat Pantry', status: 'sent', sentAt: expect.any(String), needs: ['food-insecurity'] },
    ]);
    expect(JSON.stringify(refused.body)).not.toContain(w.client.familyName);
    const noReason = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version, confirmDuplicate: true });
    expect(noReason.status).toBe(400);
    const ok = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version, confirmDuplicate: true, duplicateReason: 'Pantry only covers food' });
    expect([ok.status, ok.body.status]).toEqual([200, 'sent']);
    expect((await row(d.id)).duplicateOverrideReason).toBe('Pantry only covers food');
  });

  it('a revoked consent blocks sending and shows on the open referral it covered', async () => {
    const w = await world(t);
    const open = await w.sent();
    const revoke = await w.chw.call('POST', `/api/v1/consents/${w.consent.id}/revoke`, { reason: 'Client asked us to stop sharing' });
    expect([revoke.status, revoke.body.status, revoke.body.revokedByUserId]).toEqual([200, 'revoked', w.chw.user.id]);
    const shown = await w.cboStaff.call('GET', `/api/v1/referrals/${open.id}`);
    expect(shown.body.consent).toMatchObject({ id: w.consent.id, status: 'revoked', revokedReason: 'Client asked us to stop sharing' });
    const d = await w.draft({ needs: ['housing-instability'] });
    const send = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect([send.status, send.body.code, send.body.missing]).toEqual([422, 'packet_incomplete', [{ field: 'consent', code: 'packet.consent_revoked', message: expect.stringContaining('revoked') }]]);
    expect((await w.chw.call('POST', `/api/v1/consents/${w.consent.id}/revoke`, {})).status).toBe(409);
  });

  it('an expired consent blocks sending', async () => {
    const w = await world(t);
    await t.db.update(schema.consents).set({ signedAt: new Date(Date.now() - 400 * 86_400_000), expiresAt: new Date(Date.now() - 86_400_000) }).where(eq(schema.consents.id, w.consent.id));
    const d = await w.draft();
    const send = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect([send.status, send.body.missing]).toEqual([422, [{ field: 'consent', code: 'packet.consent_expired', message: expect.stringContaining('expired') }]]);
    // A fresh consent listing the receiver fixes it.
    await newConsent(t.db, w.client, { scope: 'listed_orgs', organizationIds: [w.cbo.id] });
    expect((await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version })).status).toBe(200);
  });
});

describe('a BAA between the two organizations stands in for consent', () => {
  const baa = async (parties: string[], over: Partial<typeof schema.agreements.$inferInsert> = {}) => {
    const [a] = await t.db.insert(schema.agreements).values({ kind: 'baa', status: 'active', title: 'BAA', ...over }).returning();
    await t.db.insert(schema.agreementParties).values(parties.map((organizationId) => ({ agreementId: a!.id, organizationId })));
  };

  it('sends without a consent when an active BAA names both organizations, and not otherwise', async () => {
    const w = await world(t);
    await t.db.update(schema.consents).set({ revokedAt: new Date(), revocationReason: 'test' }).where(eq(schema.consents.id, w.consent.id));
    const d = await w.draft();
    // A BAA with someone else, an expired one and a draft one do not count.
    await baa([w.clinic.id, w.other.id]);
    await baa([w.clinic.id, w.cbo.id], { endDate: '2020-12-31', startDate: '2020-01-01' });
    await baa([w.clinic.id, w.cbo.id], { status: 'draft' });
    expect((await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version })).status).toBe(422);
    await baa([w.clinic.id, w.cbo.id]);
    const sent = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    // Sent under the BAA: the revoked consent is not recorded as the one it went under.
    expect([sent.status, sent.body.consentId, sent.body.consent]).toEqual([200, null, null]);
  });

  it('counts a BAA written by the collaboration team only once both parties approved it', async () => {
    const w = await world(t);
    await t.db.update(schema.consents).set({ revokedAt: new Date(), revocationReason: 'test' }).where(eq(schema.consents.id, w.consent.id));
    const d = await w.draft();
    const collab = await member(t, w.other, 'collaboration_team');
    // Written as active, it is refused; written as negotiating, it waits for the parties.
    const payload = { kind: 'baa', title: 'Clinic–pantry BAA', partyOrganizationIds: [w.clinic.id, w.cbo.id] };
    expect((await collab.call('POST', '/api/v1/agreements', { ...payload, status: 'active' })).body.code).toBe('approval_required');
    const created = await collab.call('POST', '/api/v1/agreements', { ...payload, status: 'negotiating' });
    expect(created.status).toBe(201);
    const send = () => w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect((await send()).status).toBe(422);
    const clinicAdmin = await member(t, w.clinic, 'org_admin');
    const first = await clinicAdmin.call('POST', `/api/v1/agreements/${created.body.id}/approve`, undefined, { 'if-match': '"1"' });
    expect([first.status, first.body.status]).toEqual([200, 'negotiating']);
    expect((await send()).status).toBe(422);
    const cboAdmin = await member(t, w.cbo, 'org_admin');
    const second = await cboAdmin.call('POST', `/api/v1/agreements/${created.body.id}/approve`, undefined, { 'if-match': '"2"' });
    expect([second.status, second.body.status]).toEqual([200, 'active']);
    expect((await send()).status).toBe(200);
  });
});

describe('POST /api/v1/referrals/:id/forward', () => {
  it('declines the original as referred_elsewhere and sends a linked referral, seen by both sides as a chain', async () => {
    const w = await world(t);
    const r = await w.sent();
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    const fwd = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/forward`, { receivingOrganizationId: w.other.id, note: 'Closer to home', version: opened.body.version });
    expect(fwd.status).toBe(201);
    expect(fwd.body).toMatchObject({ status: 'sent', forwardedFromId: r.id, sendingOrganizationId: w.cbo.id, receivingOrganizationId: w.other.id, clientId: w.client.id, needs: ['food-insecurity'] });
    expect(fwd.body.forwardChain).toEqual([r.id, fwd.body.id]);
    const original = await w.chw.call('GET', `/api/v1/referrals/${r.id}`);
    expect(original.body).toMatchObject({ status: 'declined', statusReason: 'referred_elsewhere', forwardedToId: fwd.body.id, forwardChain: [r.id, fwd.body.id] });
    const tl = await w.chw.call('GET', `/api/v1/referrals/${r.id}/timeline`);
    expect(tl.body.data).toEqual(expect.arrayContaining([expect.objectContaining({ eventType: 'forwarded', note: 'Closer to home' })]));
    // Only the receiver forwards.
    const r2 = await w.sent({ needs: ['housing-instability'] });
    expect((await w.chw.call('POST', `/api/v1/referrals/${r2.id}/forward`, { receivingOrganizationId: w.other.id, note: 'x', version: r2.version })).status).toBe(403);
  });

  it('rolls back entirely when the new partner is not covered by consent', async () => {
    const w = await world(t);
    await t.db.update(schema.consents).set({ scope: 'listed_orgs', organizationIds: [w.cbo.id] }).where(eq(schema.consents.id, w.consent.id));
    const r = await w.sent();
    const fwd = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/forward`, { receivingOrganizationId: w.other.id, note: 'Closer to home', version: r.version });
    expect([fwd.status, fwd.body.code]).toEqual([422, 'packet_incomplete']);
    expect((await row(r.id)).status).toBe('sent');
    expect(await t.db.select().from(schema.referrals).where(eq(schema.referrals.forwardedFromId, r.id))).toHaveLength(0);
  });
});
