import { schema } from '@tandem/db';
import { newOrg } from '@tandem/db/testing';
import { testApp, type TestApp, apiKey, member } from '../../testing/app';
import { world } from '../referrals/testing';

// What an integration needs (issue 23): the colleagues to assign a referral to, and the
// agreements of its organization, both behind directory:read; only its own organization's.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const agreementOf = async (...orgIds: string[]) => {
  const [a] = await t.db.insert(schema.agreements).values({ kind: 'mou', status: 'active', title: `MOU ${orgIds.length}`, startDate: '2026-01-01' }).returning();
  await t.db.insert(schema.agreementParties).values(orgIds.map((organizationId) => ({ agreementId: a!.id, organizationId })));
  return a!;
};

describe('API keys with directory:read', () => {
  it('list their colleagues and assign a referral to one', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['directory:read', 'referrals:read', 'referrals:write']);
    const list = await key('GET', `/api/v1/organizations/${w.cbo.id}/colleagues?limit=50`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { userId: string }) => c.userId)).toContain(w.cboStaff.user.id);
    const assigned = await key('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: w.cboStaff.user.id });
    expect([assigned.status, assigned.body.assigneeId]).toEqual([200, w.cboStaff.user.id]);
    // Not another organization's people, and not without the scope.
    expect((await key('GET', `/api/v1/organizations/${w.clinic.id}/colleagues`)).status).toBe(403);
    const narrow = await apiKey(t, w.cbo, ['referrals:read']);
    expect((await narrow('GET', `/api/v1/organizations/${w.cbo.id}/colleagues`)).status).toBe(403);
  });

  it("read the agreements their organization is a party to, and no one else's", async () => {
    const [a, b, c] = [await newOrg(t.db), await newOrg(t.db), await newOrg(t.db)];
    const ours = await agreementOf(a.id, b.id);
    const theirs = await agreementOf(b.id, c.id);
    const key = await apiKey(t, a, ['directory:read']);
    const list = await key('GET', '/api/v1/agreements?limit=100');
    expect([list.status, list.body.data.map((x: { id: string }) => x.id)]).toEqual([200, [ours.id]]);
    expect((await key('GET', `/api/v1/agreements/${ours.id}`)).body).toMatchObject({ id: ours.id, parties: expect.any(Array) });
    expect((await key('GET', `/api/v1/agreements/${theirs.id}`)).status).toBe(404);
    // Writing stays with people.
    expect((await key('PATCH', `/api/v1/agreements/${ours.id}`, { notes: 'x', version: ours.version })).status).toBe(403);
    const narrow = await apiKey(t, a, ['referrals:read']);
    expect((await narrow('GET', '/api/v1/agreements')).status).toBe(403);
    // People still read them as before.
    expect((await (await member(t, a)).call('GET', `/api/v1/agreements/${ours.id}`)).status).toBe(200);
  });
});
