import { schema } from '@tandem/db';
import { newClient, newOrg, newReferral, newUser } from '@tandem/db/testing';
import { caller, signIn, testApp, type TestApp } from '../../testing/app';

// Written from issue 25 ("Partnership pipeline"): partnered needs a person's confirmation, with an
// agreement or a referral received as evidence (shown beside the button), or a note when there is none.
let t: TestApp;
let team: ReturnType<typeof caller>;
let hq: Awaited<ReturnType<typeof newOrg>>;
beforeAll(async () => {
  t = await testApp();
  hq = await newOrg(t.db, { name: 'County Health', type: 'health_system', runsNetwork: true });
  team = caller(t.app, await signIn(t.app, (await newUser(t.db, { org: hq, role: 'collaboration_team', name: 'Cleo Team' })).email));
});
afterAll(() => t.close());

const url = (id: string) => `/api/v1/organizations/${id}/partnership`;
const agreement = async (orgIds: string[], status: 'draft' | 'active' = 'active') => {
  const [row] = await t.db.insert(schema.agreements).values({ kind: 'mou', title: 'MOU', status }).returning();
  await t.db.insert(schema.agreementParties).values(orgIds.map((organizationId) => ({ agreementId: row!.id, organizationId })));
};
const history = async (id: string) => (await team('GET', `/api/v1/organizations/${id}/history`)).body.data as { action: string; actorName: string | null; changes: Record<string, { from: unknown; to: unknown }> }[];

describe('GET /api/v1/organizations/{id}/partnership', () => {
  it('counts the evidence: agreements past draft, referrals received once sent', async () => {
    const pantry = await newOrg(t.db, { partnershipStage: 'assessed' });
    await agreement([pantry.id, hq.id]);
    await agreement([pantry.id], 'draft');
    const client = await newClient(t.db, hq);
    await newReferral(t.db, { from: hq, to: pantry, client, status: 'sent', sentAt: new Date() });
    await newReferral(t.db, { from: hq, to: pantry, client, status: 'accepted', sentAt: new Date() });
    await newReferral(t.db, { from: hq, to: pantry, client }); // a draft: not received
    await newReferral(t.db, { from: pantry, to: hq, client, status: 'sent', sentAt: new Date() }); // sent by it: not received
    const res = await team('GET', url(pantry.id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organizationId: pantry.id, stage: 'assessed', evidence: { agreements: 1, referralsReceived: 2 }, canConfirm: true, confirmedAt: null, confirmedBy: null, version: pantry.version });
  });

  it('a random id is 404', async () => {
    expect((await team('GET', url('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });
});

describe('POST /api/v1/organizations/{id}/partnership/confirm', () => {
  it('with evidence: moves to partnered, records who, when and the evidence', async () => {
    const clinic = await newOrg(t.db, { partnershipStage: 'assessed' });
    await agreement([clinic.id, hq.id]);
    const res = await team('POST', `${url(clinic.id)}/confirm`, {}, { 'if-match': `"${clinic.version}"` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'partnered', canConfirm: false, confirmedBy: 'Cleo Team', evidence: { agreements: 1, referralsReceived: 0 }, version: clinic.version + 1 });
    expect(res.body.stageDates.partnered).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.confirmedAt).toMatch(/^\d{4}-/);
    const [h] = await history(clinic.id);
    expect(h).toMatchObject({
      action: 'organization.partnership_confirm',
      actorName: 'Cleo Team',
      changes: { partnershipStage: { from: 'assessed', to: 'partnered' }, evidence: { to: { agreements: 1, referralsReceived: 0 } } },
    });
    // Already partnered: 409 invalid_transition.
    const again = await team('POST', `${url(clinic.id)}/confirm`, { version: clinic.version + 1 });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
  });

  it('without evidence: refused with 422 partnership_evidence_missing, nothing changes; with a note it goes through, the note recorded', async () => {
    const shelter = await newOrg(t.db, { partnershipStage: 'outreach' });
    const refused = await team('POST', `${url(shelter.id)}/confirm`, { version: shelter.version });
    expect([refused.status, refused.headers['content-type'], refused.body.code]).toEqual([422, 'application/problem+json; charset=utf-8', 'partnership_evidence_missing']);
    const blank = await team('POST', `${url(shelter.id)}/confirm`, { version: shelter.version, note: '   ' });
    expect(blank.body.code).toBe('partnership_evidence_missing');
    expect((await team('GET', url(shelter.id))).body).toMatchObject({ stage: 'outreach', version: shelter.version });
    const ok = await team('POST', `${url(shelter.id)}/confirm`, { version: shelter.version, note: 'MOU signed on paper at the county' });
    expect([ok.status, ok.body.stage]).toEqual([200, 'partnered']);
    expect((await history(shelter.id))[0]).toMatchObject({ action: 'organization.partnership_confirm', changes: { note: { to: 'MOU signed on paper at the county' } } });
  });

  it('takes If-Match: a stale version is 409, none 428', async () => {
    const o = await newOrg(t.db, { partnershipStage: 'assessed' });
    await agreement([o.id]);
    expect((await team('POST', `${url(o.id)}/confirm`, { version: o.version + 5 })).body.code).toBe('stale_version');
    expect((await team('POST', `${url(o.id)}/confirm`)).status).toBe(428);
  });

  it("outsiders: the organization's own admin and staff are 403, anonymous 401; a random id is 404", async () => {
    const o = await newOrg(t.db, { partnershipStage: 'assessed' });
    await agreement([o.id]);
    for (const role of ['org_admin', 'staff'] as const) {
      const them = caller(t.app, await signIn(t.app, (await newUser(t.db, { org: o, role })).email));
      expect([role, (await them('GET', url(o.id))).status, (await them('POST', `${url(o.id)}/confirm`, { version: o.version })).status]).toEqual([role, 403, 403]);
    }
    expect((await t.app.inject({ method: 'GET', url: url(o.id) })).statusCode).toBe(401);
    expect((await team('POST', `${url('00000000-0000-4000-8000-000000000000')}/confirm`, { version: 1 })).status).toBe(404);
  });
});
