import { and, eq } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { newOrg, newService } from '@tandem/db/testing';
import { testApp, type TestApp, apiKey, member } from '../../testing/app';
import { world } from './testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const ids = (body: { data: { id: string }[] }) => body.data.map((r) => r.id);

/** The network's coordinators: a network admin and a collaboration team member of the health system. */
let hs: { id: string } | undefined;
const coordinators = async () => {
  hs ??= await newOrg(t.db, { name: 'County Health System', type: 'health_system', runsNetwork: true });
  return { hs, admin: await member(t, hs, 'network_admin', 'Nina Network'), collab: await member(t, hs, 'collaboration_team', 'Cole Collab') };
};

describe('GET /api/v1/referrals?box=network', () => {
  it('shows a network admin every referral that was sent, never a draft nor a draft cancelled before sending, with filters', async () => {
    const w = await world(t);
    const { admin } = await coordinators();
    const food = await w.sent();
    const housing = await w.sent({ needs: ['housing-instability'] });
    const draft = await w.draft();
    const dropped = await w.draft();
    await w.chw.call('POST', `/api/v1/referrals/${dropped.id}/transitions`, { to: 'cancelled', reason: 'other', note: 'Wrong client', version: dropped.version });
    await t.db.update(schema.referrals).set({ acknowledgeDueAt: new Date(Date.now() - 3_600_000) }).where(eq(schema.referrals.id, housing.id));
    const opened = await w.cboStaff.call('GET', `/api/v1/referrals/${food.id}`);
    await w.cboStaff.call('POST', `/api/v1/referrals/${food.id}/transitions`, { to: 'accepted', version: opened.body.version });

    const get = async (q: string) => {
      const res = await admin.call('GET', `/api/v1/referrals?box=network&organizationId=${w.clinic.id}${q}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const all = await get('');
    expect(ids(all)).toEqual([housing.id, food.id]);
    expect(ids(all)).not.toContain(draft.id);
    expect(ids(all)).not.toContain(dropped.id);
    expect(all.data[0]).toMatchObject({ clientName: expect.stringContaining(' '), reason: expect.any(String), sendingOrganizationName: 'Eastside Clinic' });
    // Either side: the receiving organization finds the same two.
    expect(ids((await admin.call('GET', `/api/v1/referrals?box=network&organizationId=${w.cbo.id}`)).body)).toEqual([housing.id, food.id]);
    expect(ids((await admin.call('GET', `/api/v1/referrals?box=network&organizationId=${w.other.id}`)).body)).toEqual([]);
    expect(ids(await get('&status=accepted'))).toEqual([food.id]);
    expect(ids(await get('&need=housing-instability'))).toEqual([housing.id]);
    expect(ids(await get('&overdue=true'))).toEqual([housing.id]);
    expect(ids(await get('&spa=spa4'))).toEqual([housing.id, food.id]);
    expect(ids(await get('&spa=spa1'))).toEqual([]);
    const page1 = await get('&limit=1');
    expect(ids(page1)).toEqual([housing.id]);
    expect(ids(await get(`&limit=1&cursor=${page1.nextCursor}`))).toEqual([food.id]);
  });

  it('SPA: the receiving service’s SPAs, else the receiving organization’s', async () => {
    const w = await world(t);
    const { admin } = await coordinators();
    const south = await newService(t.db, w.cbo.id, { spas: ['spa6'] });
    const viaService = await w.sent({ receivingServiceId: south.id });
    const noService = await w.sent({ receivingServiceId: null, needs: ['housing-instability'] });
    const get = async (spa: string) => ids((await admin.call('GET', `/api/v1/referrals?box=network&organizationId=${w.clinic.id}&spa=${spa}`)).body);
    expect(await get('spa6')).toEqual([viaService.id]);
    // The CBO itself serves spa4 (newOrg), and so does the world's service.
    expect(await get('spa4')).toEqual([noService.id]);
  });

  it('shows the collaboration team what went where, without the client, and no name search', async () => {
    const w = await world(t);
    const { collab } = await coordinators();
    const r = await w.sent();
    const res = await collab.call('GET', `/api/v1/referrals?box=network&organizationId=${w.clinic.id}`);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([r.id]);
    expect(res.body.data[0]).toMatchObject({
      clientId: null,
      clientName: null,
      reason: null,
      statusNote: null,
      outcome: null,
      consentId: null,
      needs: ['food-insecurity'],
      status: 'sent',
      sendingOrganizationName: 'Eastside Clinic',
      receivingOrganizationName: 'Boyle Heights Pantry',
      overdue: { acknowledge: false, firstContact: false },
    });
    expect(JSON.stringify(res.body)).not.toContain(w.client.familyName);
    const search = await collab.call('GET', `/api/v1/referrals?box=network&q=${encodeURIComponent(w.client.givenName)}`);
    expect([search.status, search.body.code]).toEqual([403, 'forbidden']);
    // Not a party: the referral itself stays hidden (ARCHITECTURE §4).
    expect((await collab.call('GET', `/api/v1/referrals/${r.id}`)).status).toBe(404);
  });

  it('refuses staff, org admins and API keys (403), and the network filters outside box=network (400)', async () => {
    const w = await world(t);
    const orgAdmin = await member(t, w.cbo, 'org_admin');
    const key = await apiKey(t, w.clinic, ['referrals:read']);
    for (const call of [w.chw.call, orgAdmin.call, key]) {
      const res = await call('GET', '/api/v1/referrals?box=network');
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
    }
    const res = await w.chw.call('GET', `/api/v1/referrals?box=sent&organizationId=${w.cbo.id}&spa=spa4`);
    expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.organizationId', 'query.spa']);
  });

  it('audits each page read, and the network admin finds their reads on the audit trail', async () => {
    const w = await world(t);
    const { admin, collab } = await coordinators();
    const r = await w.sent();
    await admin.call('GET', `/api/v1/referrals?box=network&organizationId=${w.clinic.id}`);
    await collab.call('GET', `/api/v1/referrals?box=network&organizationId=${w.clinic.id}`);
    for (const who of [admin.user.id, collab.user.id]) {
      const rows = await t.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.actorUserId, who), eq(schema.auditLog.action, 'referral.network.list')));
      expect(rows).toHaveLength(1);
    }
    expect((await admin.call('GET', `/api/v1/referrals/${r.id}`)).status).toBe(200);
    const trail = await admin.call('GET', `/api/v1/audit?actorUserId=${admin.user.id}&action=referral.`);
    expect(trail.status).toBe(200);
    expect(trail.body.data.map((a: { action: string; entityId: string | null }) => [a.action, a.entityId])).toEqual([
      ['referral.read', r.id],
      ['referral.network.list', null],
    ]);
    expect(trail.body.data[0]).toMatchObject({ actorName: 'Nina Network', actorOrganizationName: 'County Health System', read: true, organizationName: null });
  });
});
