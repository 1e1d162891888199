import { and, eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg } from '@tandem/db/testing';
import { newClient } from '../../../../../db/src/testing/referral-factories';
import { testApp, type TestApp } from '../../testing/app';
import { member, world } from '../referrals/testing';

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
    expect([got.status, got.headers.etag]).toEqual([200, '"1"']);
    const audit = await t.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.entityId, w.client.id), eq(schema.auditLog.action, 'client.read')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: w.chw.user.id, organizationId: w.clinic.id });

    const upd = await w.chw.call('PATCH', `/api/v1/clients/${w.client.id}`, { preferredName: 'Rosi', version: 1 });
    expect([upd.status, upd.body.preferredName, upd.body.version]).toEqual([200, 'Rosi', 2]);
    const stale = await w.chw.call('PATCH', `/api/v1/clients/${w.client.id}`, { preferredName: 'R', version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_version']);
    const noVersion = await w.chw.call('PATCH', `/api/v1/clients/${w.client.id}`, { preferredName: 'R' });
    expect(noVersion.status).toBe(400);

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
});
