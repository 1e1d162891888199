import { ClientSchema, MessagePageSchema, MessageSchema, ReferralDetailSchema, ReferralPageSchema, TimelineSchema } from '@tandem/contract';
import { testApp, type TestApp, apiKey } from '../../testing/app';
import { world } from './testing';

// Every state the database can hold must read back through every view (2xx, valid per the
// contract): nullable client columns, and rows an API key wrote (no author user).
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('states the database can hold read back through every view', () => {
  it('a client registered with only a name (no language, contact method, date of birth)', async () => {
    const w = await world(t);
    const created = await w.chw.call('POST', '/api/v1/clients', { givenName: 'Ana', familyName: 'Nolang' });
    expect(created.status).toBe(201);
    expect(created.body.client).toMatchObject({ preferredLanguage: null, preferredContactMethod: null, dateOfBirth: null, address: null });
    const clientId = created.body.client.id;
    const consent = await w.chw.call('POST', `/api/v1/clients/${clientId}/consents`, { scope: 'network', method: 'written', signedAt: new Date(Date.now() - 60_000).toISOString() });
    expect(consent.status).toBe(201);
    const d = await w.draft({ clientId });
    const readAll = async () => {
      for (const who of [w.chw.call, w.cboStaff.call]) {
        const detail = await who('GET', `/api/v1/referrals/${d.id}`);
        if (who === w.cboStaff.call && detail.status === 404) continue; // a draft is the sender's alone
        expect(detail.status).toBe(200);
        expect(detail.body.client).toMatchObject({ id: clientId, preferredLanguage: null });
        ReferralDetailSchema.parse(detail.body);
        expect((await who('GET', `/api/v1/referrals/${d.id}`)).status).toBe(200);
        const timeline = await who('GET', `/api/v1/referrals/${d.id}/timeline`);
        expect(timeline.status).toBe(200);
        TimelineSchema.parse(timeline.body);
      }
    };
    await readAll();
    // Sending needs a language; the client's record may lose it again afterwards.
    const withLang = await w.chw.call('PATCH', `/api/v1/clients/${clientId}`, { preferredLanguage: 'es', phones: ['(323) 555-0101'], version: created.body.client.version });
    expect(withLang.status).toBe(200);
    const sent = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect(sent.status).toBe(200);
    const cleared = await w.chw.call('PATCH', `/api/v1/clients/${clientId}`, { preferredLanguage: null, version: withLang.body.version });
    expect([cleared.status, cleared.body.preferredLanguage]).toEqual([200, null]);
    await readAll();
    expect((await w.cboStaff.call('GET', `/api/v1/referrals/${d.id}`)).status).toBe(200);
    const client = await w.chw.call('GET', `/api/v1/clients/${clientId}`);
    expect(client.status).toBe(200);
    ClientSchema.parse(client.body);
    const sentBox = await w.chw.call('GET', '/api/v1/referrals?box=sent');
    expect(sentBox.status).toBe(200);
    ReferralPageSchema.parse(sentBox.body);
    const inbox = await w.cboStaff.call('GET', '/api/v1/referrals?box=received');
    expect(inbox.status).toBe(200);
    ReferralPageSchema.parse(inbox.body);
  });

  it('messages and timeline entries written by an API key name the key and its organization', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = await apiKey(t, w.cbo, ['referrals:read', 'referrals:write']);
    const current = (await key('GET', `/api/v1/referrals/${r.id}`)).body;
    const accepted = await key('POST', `/api/v1/referrals/${r.id}/transitions`, { to: 'accepted', version: current.version });
    expect(accepted.status).toBe(200);
    const posted = await key('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Intake booked by our system.' });
    expect(posted.status).toBe(201);
    MessageSchema.parse(posted.body);
    expect(posted.body).toMatchObject({
      authorUserId: null,
      authorOrganizationId: w.cbo.id,
      author: { kind: 'api_key', name: 'integration', organizationId: w.cbo.id, organizationName: 'Boyle Heights Pantry' },
    });
    await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'And a person too.' });
    for (const who of [w.chw.call, w.cboStaff.call, key]) {
      const thread = await who('GET', `/api/v1/referrals/${r.id}/messages`);
      expect(thread.status).toBe(200);
      MessagePageSchema.parse(thread.body);
      const byKey = thread.body.data.find((m: { body: string }) => m.body === 'Intake booked by our system.');
      expect(byKey).toMatchObject({ authorUserId: null, authorName: 'integration', author: { kind: 'api_key', name: 'integration', organizationName: 'Boyle Heights Pantry' } });
      const byPerson = thread.body.data.find((m: { body: string }) => m.body === 'And a person too.');
      expect(byPerson).toMatchObject({ authorName: 'Pat Pantry', author: { kind: 'user', name: 'Pat Pantry', organizationName: 'Boyle Heights Pantry' } });

      const timeline = await who('GET', `/api/v1/referrals/${r.id}/timeline`);
      expect(timeline.status).toBe(200);
      TimelineSchema.parse(timeline.body);
      const acceptedEntry = timeline.body.data.find((e: { toStatus: string | null }) => e.toStatus === 'accepted');
      expect(acceptedEntry).toMatchObject({ actorUserId: null, actorName: 'integration', actorOrganizationName: 'Boyle Heights Pantry', actor: { kind: 'api_key', name: 'integration' } });
      const msgEntry = timeline.body.data.find((e: { kind: string; body: string | null }) => e.kind === 'message' && e.body === 'Intake booked by our system.');
      expect(msgEntry).toMatchObject({ actorName: 'integration', actorOrganizationName: 'Boyle Heights Pantry', actor: { kind: 'api_key' } });
      // The key's read is a view on the timeline, named like its other entries.
      expect(timeline.body.data.filter((e: { kind: string; actor: { kind: string } }) => e.kind === 'view' && e.actor.kind === 'api_key')).toEqual([
        expect.objectContaining({ actorUserId: null, actorName: 'integration', actor: expect.objectContaining({ name: 'integration', organizationId: w.cbo.id }) }),
      ]);
      const personEntry = timeline.body.data.find((e: { kind: string; body: string | null }) => e.kind === 'message' && e.body === 'And a person too.');
      expect(personEntry).toMatchObject({ actorName: 'Pat Pantry', actor: { kind: 'user', name: 'Pat Pantry' } });

      const detail = await who('GET', `/api/v1/referrals/${r.id}`);
      expect(detail.status).toBe(200);
      ReferralDetailSchema.parse(detail.body);
    }
    const inbox = await w.cboStaff.call('GET', '/api/v1/referrals?box=received');
    expect(inbox.status).toBe(200);
    ReferralPageSchema.parse(inbox.body);
  });
});
