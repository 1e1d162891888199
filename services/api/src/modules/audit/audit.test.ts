import { sql } from 'drizzle-orm';
import { newOrg, newClient, newConsent } from '@tandem/db/testing';
import { testApp, type TestApp, apiKey, member } from '../../testing/app';
import { world } from '../referrals/testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Row = { action: string; entityType: string; entityId: string | null; at: string; actorApiKeyId: string | null };

describe('GET /api/v1/audit filters', () => {
  it('who, what, when and which client, for a network admin', async () => {
    const w = await world(t);
    const hs = await newOrg(t.db, { type: 'health_system', runsNetwork: true });
    const admin = await member(t, hs, 'network_admin');
    const r = await w.sent();
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    await w.chw.call('GET', `/api/v1/clients/${w.client.id}`);
    const key = await apiKey(t, w.clinic, ['referrals:read']);
    await key('GET', `/api/v1/referrals/${r.id}`);
    // Another client's referral, read by the same people: never in this client's rows.
    const otro = await newClient(t.db, w.clinic, { givenName: 'Otro', familyName: 'Cliente' });
    await newConsent(t.db, otro);
    const other = await w.sent({ clientId: otro.id });
    await w.cboStaff.call('GET', `/api/v1/referrals/${other.id}`);

    const get = async (q: string) => {
      const res = await admin.call('GET', `/api/v1/audit?limit=100&${q}`);
      expect(res.status).toBe(200);
      return res.body.data as Row[];
    };
    // Which client: the client's own rows and its referral's, never the other referral's.
    const aboutClient = await get(`clientId=${w.client.id}`);
    expect(aboutClient.map((a) => a.entityId)).not.toContain(other.id);
    expect(aboutClient.map((a) => `${a.action} ${a.entityId}`)).toEqual(
      expect.arrayContaining([`client.read ${w.client.id}`, `referral.read ${r.id}`, `referral.transition ${r.id}`, `referral.create ${r.id}`]),
    );
    // Who: one person, or one API key.
    expect((await get(`actorUserId=${w.cboStaff.user.id}&action=referral.read`)).map((a) => a.entityId)).toEqual([other.id, r.id]);
    const byKey = await get(`action=referral.read&entityId=${r.id}`);
    const keyRow = byKey.find((a) => a.actorApiKeyId);
    expect(keyRow).toBeDefined();
    expect((await get(`actorApiKeyId=${keyRow!.actorApiKeyId}&action=referral.read`)).map((a) => a.entityId)).toEqual([r.id]);
    // What: an exact action, or a prefix.
    const reads = await get(`clientId=${w.client.id}&action=client.read`);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((a) => a.action === 'client.read' && a.entityId === w.client.id)).toBe(true);
    expect((await get(`clientId=${w.client.id}&action=referral.`)).every((a) => a.action.startsWith('referral.'))).toBe(true);
    // When: a range, start included, end excluded.
    const [first] = (await get(`entityId=${r.id}&action=referral.create`)) as Row[];
    const [at] = (await t.db.execute<{ at: string }>(sql`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log where entity_id = ${r.id} and action = 'referral.create'`)).rows;
    expect((await get(`entityId=${r.id}&from=${at!.at}&to=${at!.at.replace(/\.\d+Z$/, '.999999Z')}`)).map((a) => a.action)).toContain('referral.create');
    expect(await get(`entityId=${r.id}&to=${at!.at}`)).toEqual([]);
    expect(first!.action).toBe('referral.create');
    expect(await get(`entityId=${r.id}&from=2001-01-01T00:00:00Z&to=2001-02-01T00:00:00Z`)).toEqual([]);
  });

  it('refuses a range that ends before it starts, and an action that is not one (400)', async () => {
    const hsAdmin = await member(t, await newOrg(t.db), 'org_admin');
    for (const q of ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'action=DROP%20TABLE', 'clientId=nope']) {
      const res = await hsAdmin.call('GET', `/api/v1/audit?${q}`);
      expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
    }
  });

  it('keeps an org admin to their organization’s rows, whatever the filter', async () => {
    const w = await world(t);
    const cboAdmin = await member(t, w.cbo, 'org_admin');
    const r = await w.sent();
    await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}`);
    await w.chw.call('GET', `/api/v1/clients/${w.client.id}`);
    const rows = (await cboAdmin.call('GET', `/api/v1/audit?clientId=${w.client.id}`)).body.data as (Row & { organizationId: string })[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((a) => a.organizationId === w.cbo.id)).toBe(true);
  });
});
