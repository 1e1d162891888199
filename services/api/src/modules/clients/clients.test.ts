import { and, eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newService, newClient } from '@tandem/db/testing';
import { testApp, type TestApp, apiKey, member } from '../../testing/app';
import { world } from '../referrals/testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('POST /api/v1/clients', () => {
  it('suggests "Maria Lopez" when creating "María López" with the same date of birth, only within reach', async () => {
    const org = await newOrg(t.db);
    const chw = await member(t, org);
    const existing = await newClient(t.db, org, { givenName: 'Maria', familyName: 'Lopez', dateOfBirth: '1990-04-12' });
    await newClient(t.db, org, { givenName: 'Maria', familyName: 'Lopez', dateOfBirth: '1991-01-01' });
    // Same person at an organization with no link to ours: not in our reach.
    await newClient(t.db, await newOrg(t.db), { givenName: 'Maria', familyName: 'Lopez', dateOfBirth: '1990-04-12' });

    const res = await chw.call('POST', '/api/v1/clients', { givenName: 'María', familyName: 'López', dateOfBirth: '1990-04-12', phones: ['323-555-0111'], preferredLanguage: 'es' });
    expect(res.status).toBe(201);
    expect(res.body.client).toMatchObject({ givenName: 'María', familyName: 'López', createdByOrganizationId: org.id, version: 1 });
    expect(res.body.matches).toEqual([{ id: existing.id, name: 'Maria Lopez', dateOfBirth: '1990-04-12', score: 1 }]);

    const search = await chw.call('GET', '/api/v1/clients/matches?name=maria%20lopes&dateOfBirth=1990-04-12');
    // Both fold to the same name, so they tie: compare as a set.
    expect(search.body.data.map((m: { id: string }) => m.id).sort()).toEqual([existing.id, res.body.client.id].sort());
    expect(search.body.data[0].score).toBeGreaterThanOrEqual(0.4);
  });

  it('finds clients on referrals the caller’s organization received', async () => {
    const w = await world(t);
    await w.sent();
    const res = await w.cboStaff.call('GET', `/api/v1/clients/matches?name=Rosa%20${w.client.familyName}&dateOfBirth=1984-06-02`);
    expect(res.body.data.map((m: { id: string }) => m.id)).toEqual([w.client.id]);
  });
});

describe('GET/PATCH /api/v1/clients/:id', () => {
  it('audits every read, updates with a version, and hides the client from other organizations', async () => {
    const w = await world(t);
    const got = await w.chw.call('GET', `/api/v1/clients/${w.client.id}`);
    expect([got.status, got.headers.etag]).toEqual([200, expect.stringMatching(/^"1-[0-9a-f]{16}"$/)]);
    const audit = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, w.client.id), eq(schema.auditLog.action, 'client.read')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: w.chw.user.id, organizationId: w.clinic.id });

    const upd = await w.chw.call('PATCH', `/api/v1/clients/${w.client.id}`, { preferredName: 'Rosi', version: 1 });
    expect([upd.status, upd.body.preferredName, upd.body.version]).toEqual([200, 'Rosi', 2]);
    const stale = await w.chw.call('PATCH', `/api/v1/clients/${w.client.id}`, { preferredName: 'R', version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_version']);
    const noVersion = await w.chw.call('PATCH', `/api/v1/clients/${w.client.id}`, { preferredName: 'R' });
    expect([noVersion.status, noVersion.body.code]).toEqual([428, 'precondition_required']);

    // The receiver sees the client only once a referral was sent to them.
    expect((await w.cboStaff.call('GET', `/api/v1/clients/${w.client.id}`)).status).toBe(404);
    await w.draft();
    expect((await w.cboStaff.call('GET', `/api/v1/clients/${w.client.id}`)).status).toBe(404);
    await w.sent({ needs: ['housing-instability'] });
    expect((await w.cboStaff.call('GET', `/api/v1/clients/${w.client.id}`)).status).toBe(200);
  });
});

describe('consents', () => {
  it('records, lists with status, and revokes with who, when and why', async () => {
    const w = await world(t);
    const made = await w.chw.call('POST', `/api/v1/clients/${w.client.id}/consents`, {
      scope: 'listed_orgs',
      organizationIds: [w.cbo.id],
      method: 'verbal_witnessed',
      witnessName: 'Dana Lee',
      signedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect([made.status, made.body.status, made.body.recordedByUserId, made.body.recordedByOrganizationId]).toEqual([201, 'active', w.chw.user.id, w.clinic.id]);
    const revoked = await w.chw.call('POST', `/api/v1/consents/${made.body.id}/revoke`, { reason: 'Moved away' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Moved away', revokedByUserId: w.chw.user.id, revokedAt: expect.any(String) });
    const list = await w.chw.call('GET', `/api/v1/clients/${w.client.id}/consents`);
    expect(list.body.data.map((c: { status: string }) => c.status).sort()).toEqual(['active', 'revoked']);
  });

  it('records the consent in the client’s preferred language when the caller names none (issue 24)', async () => {
    const w = await world(t);
    const english = await newClient(t.db, w.clinic, { preferredLanguage: 'en' });
    const body = { scope: 'network', method: 'written', signedAt: new Date(Date.now() - 60_000).toISOString() };
    const spanish = await w.chw.call('POST', `/api/v1/clients/${w.client.id}/consents`, body);
    const said = await w.chw.call('POST', `/api/v1/clients/${w.client.id}/consents`, { ...body, language: 'en' });
    const other = await w.chw.call('POST', `/api/v1/clients/${english.id}/consents`, body);
    expect([spanish.status, spanish.body.language, said.body.language, other.body.language]).toEqual([201, 'es', 'en', 'en']);
  });
});

describe('client matches: only clients the caller may already read, each audited', () => {
  const matchRows = (clientId: string) =>
    t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, clientId), eq(schema.auditLog.action, 'client.match')));

  it('shows each organization its own same-named client, the other only once a referral was sent', async () => {
    const w = await world(t);
    const familyName = w.client.familyName;
    // The CBO registers its own "Rosa <same family name>", born the same day.
    const theirs = await newClient(t.db, w.cbo, { familyName, dateOfBirth: '1984-06-02' });
    const query = `/api/v1/clients/matches?name=Rosa%20${familyName}&dateOfBirth=1984-06-02`;
    const ids = async (call: typeof w.chw.call) => {
      const res = await call('GET', query);
      expect(res.status).toBe(200);
      return res.body.data.map((m: { id: string }) => m.id);
    };
    const cboKey = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    expect(await ids(w.chw.call)).toEqual([w.client.id]);
    expect(await ids(w.cboStaff.call)).toEqual([theirs.id]);

    // A draft to the CBO, and one cancelled before sending, give the CBO no reach.
    await w.draft();
    const cancelled = await w.draft({ needs: ['housing-instability'] });
    expect((await w.chw.call('POST', `/api/v1/referrals/${cancelled.id}/transitions`, { to: 'cancelled', reason: 'other', note: 'x', version: cancelled.version })).status).toBe(200);
    expect(await ids(w.cboStaff.call)).toEqual([theirs.id]);
    expect(await ids(cboKey)).toEqual([theirs.id]);
    // Creating the same person again suggests only what the CBO may read.
    const made = await w.cboStaff.call('POST', '/api/v1/clients', { givenName: 'Rosa', familyName, dateOfBirth: '1984-06-02', phones: ['323-555-0111'] });
    expect(made.body.matches.map((m: { id: string }) => m.id)).toEqual([theirs.id]);
    expect(await matchRows(w.client.id)).toHaveLength(1); // the clinic's own look-up only

    // Sent: now the CBO (staff and keys) may read it, so it is matched, and each match is audited.
    await w.sent({ needs: ['utility-insecurity'] });
    expect((await ids(w.cboStaff.call)).sort()).toEqual([w.client.id, theirs.id, made.body.client.id].sort());
    expect((await ids(cboKey)).sort()).toEqual([w.client.id, theirs.id, made.body.client.id].sort());
    // Still nothing of the CBO's for the clinic, which never saw those two.
    expect(await ids(w.chw.call)).toEqual([w.client.id]);

    const rows = await matchRows(w.client.id);
    expect(rows.map((r) => [r.actorUserId, r.actorApiKeyId ? 'key' : null, r.organizationId, r.entityType])).toEqual(
      expect.arrayContaining([
        [w.chw.user.id, null, w.clinic.id, 'client'],
        [w.cboStaff.user.id, null, w.cbo.id, 'client'],
        [null, 'key', w.cbo.id, 'client'],
      ]),
    );
    expect(rows).toHaveLength(4);
    // One row per match shown, the create's suggestions included.
    expect(await matchRows(theirs.id)).toHaveLength(6);
  });

  it('the duplicate guard names who holds the open referral and status, never the client', async () => {
    const w = await world(t);
    await w.sent();
    // The other organization has the same client in reach through a referral it sent itself.
    const otherStaff = await member(t, w.other, 'staff', 'Omar Other');
    await t.db.update(schema.clients).set({ createdByOrgId: w.other.id }).where(eq(schema.clients.id, w.client.id));
    const svc = await newService(t.db, w.clinic.id);
    const d = await w.draft({ receivingOrganizationId: w.clinic.id, receivingServiceId: svc.id }, otherStaff.call);
    const res = await otherStaff.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect([res.status, res.body.code]).toEqual([409, 'duplicate_referral']);
    expect(res.body.duplicates).toEqual([
      { referralId: expect.any(String), organizationName: 'Boyle Heights Pantry', contactName: null, status: 'sent', sentAt: expect.any(String), needs: ['food-insecurity'] },
    ]);
    const text = JSON.stringify(res.body);
    for (const phi of [w.client.familyName, w.client.dateOfBirth!, w.client.phones[0]!]) expect(text).not.toContain(phi);
  });
});
