import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { schema } from '@tandem/db';
import { testApp, type TestApp, apiKey, member } from '../../testing/app';
import { world } from './testing';
import { newService } from '@tandem/db/testing';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/**
 * Every statement the app sends to PostgreSQL while `fn` runs: each pg client query is one round
 * trip (BEGIN and COMMIT included), whether it came from the pool or a transaction's client.
 */
const statementsOf = async <T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }> => {
  const proto = ((t.db as unknown as { $client: pg.Pool }).$client as unknown as { Client: typeof pg.Client }).Client.prototype;
  const query = proto.query;
  const sql: string[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0];
    sql.push(typeof q === 'string' ? q : (q as { text: string }).text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    return { result: await fn(), sql };
  } finally {
    proto.query = query;
  }
};

/**
 * Fails with the statements listed, so a regression shows which round trip came back. The session
 * lookup is left out: the auth plugin's cache (lib/auth-cache.ts) answers it for a few seconds.
 */
const expectAtMost = (all: string[], n: number) => {
  const sql = all.filter((q) => !/from "sessions"/.test(q));
  if (sql.length > n) throw new Error(`${sql.length} statements, expected at most ${n}:\n${sql.map((q, i) => `${i + 1}. ${q}`).join('\n')}`);
};

// On a machine where a round trip costs more than the SQL it carries, these counts are the
// throughput of the create+send pair. They are the numbers reached, so a regression fails here.
describe('round trips to PostgreSQL', () => {
  // One read (author, client, service), one write (row, event, audit: no BEGIN/COMMIT needed for
  // a single statement), one read of the detail with its packet check.
  it('creates a draft (with client, service and packet check) in at most 3 statements', async () => {
    const w = await world(t);
    const { result: res, sql } = await statementsOf(() =>
      w.chw.call('POST', '/api/v1/referrals', {
        clientId: w.client.id,
        receivingOrganizationId: w.cbo.id,
        receivingServiceId: w.service.id,
        needs: ['food-insecurity'],
        reason: 'Family of four; food runs out mid-month',
        senderContactPhone: '(323) 555-0199',
      }),
    );
    expect([res.status, res.body.status, res.body.packetMissing]).toEqual([201, 'draft', []]);
    expectAtMost(sql, 3);
  });

  // One read of everything the checks need, then the version-checked UPDATE with its
  // event/outbox/notification/audit rows in one statement (no BEGIN/COMMIT).
  it('sends a draft (packet, consent, BAA, duplicates, SLA, status change, outbox) in 2 statements', async () => {
    const w = await world(t);
    const d = await w.draft();
    const { result: res, sql } = await statementsOf(() => w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version }));
    expect([res.status, res.body.status, res.body.consentId]).toEqual([200, 'sent', w.consent.id]);
    expectAtMost(sql, 2);
  });

  // The row, the change with its records, the detail it answers with.
  it('changes a status (accept) in 3 statements', async () => {
    const w = await world(t);
    const d = await w.draft();
    const sent = (await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version })).body as { version: number };
    const { result: res, sql } = await statementsOf(() => w.cboStaff.call('POST', `/api/v1/referrals/${d.id}/transitions`, { to: 'accepted', version: sent.version }));
    expect([res.status, res.body.status]).toEqual([200, 'accepted']);
    expectAtMost(sql, 3);
  });

  // Audited reads of the mixed workload: the read, then its audit row (no BEGIN/COMMIT: the rows
  // are answered only once the audit row is written, a transaction adds nothing to a read).
  it('reads a client with its audit row in 2 statements', async () => {
    const w = await world(t);
    const reads = async () => (await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, w.client.id))).filter((a) => a.action === 'client.read').length;
    const before = await reads();
    const { result: res, sql } = await statementsOf(() => w.chw.call('GET', `/api/v1/clients/${w.client.id}`));
    expect([res.status, res.body.id]).toEqual([200, w.client.id]);
    expectAtMost(sql, 2);
    expect(await reads()).toBe(before + 1);
  });

  it('reads a message page with its audit row in 3 statements', async () => {
    const w = await world(t);
    const r = await w.sent();
    await w.chw.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Called the client.' });
    const { result: res, sql } = await statementsOf(() => w.cboStaff.call('GET', `/api/v1/referrals/${r.id}/messages?limit=25`));
    expect([res.status, (res.body.data as { body: string }[]).map((m) => m.body)]).toEqual([200, ['Called the client.']]);
    expectAtMost(sql, 3);
    const audit = await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, r.id));
    expect(audit.filter((a) => a.action === 'referral.messages.read')).toHaveLength(1);
  });

  // The referral, then the message with its notifications and audit row in one statement beside
  // the author's names.
  it('posts a message (with notifications and audit row) in 3 statements', async () => {
    const w = await world(t);
    const r = await w.sent();
    const { result: res, sql } = await statementsOf(() => w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'Called the client.' }));
    expect([res.status, res.body.body, res.body.author]).toEqual([201, 'Called the client.', expect.objectContaining({ kind: 'user', organizationName: 'Boyle Heights Pantry' })]);
    expectAtMost(sql, 3);
    expect((await t.db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, r.id))).filter((a) => a.action === 'referral.message')).toHaveLength(1);
    const notified = await t.db.select().from(schema.notifications).where(eq(schema.notifications.referralId, r.id));
    expect(notified.filter((n) => n.kind === 'referral.message').map((n) => n.userId)).toEqual([w.chw.user.id]);
    // What a later page shows of it is what the post answered.
    const page = await w.cboStaff.call('GET', `/api/v1/referrals/${r.id}/messages?limit=25`);
    expect((page.body.data as unknown[]).at(-1)).toEqual(res.body);
  });
});

// The reads above fold several checks into one statement each; these pin down that the answers
// did not change with them.
describe('the same answers with fewer round trips', () => {
  it('answers create and send with the detail a later GET shows', async () => {
    const w = await world(t);
    const d = await w.draft();
    // The sender's GET changes nothing on the row (a view and audit rows only).
    expect(d).toEqual((await w.chw.call('GET', `/api/v1/referrals/${d.id}`)).body);
    const sent = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect(sent.body).toEqual((await w.chw.call('GET', `/api/v1/referrals/${d.id}`)).body);
  });

  it('lets an organization use a client it sees through a sent referral, and no one else (422 reference_not_found)', async () => {
    const w = await world(t);
    const body = { clientId: w.client.id, needs: ['food-insecurity'] };
    // A draft to the shelter does not show the client to it; a sent referral to the pantry does.
    const shelter = await member(t, w.other);
    await w.draft({ receivingOrganizationId: w.other.id, receivingServiceId: null, needs: ['housing-instability'] });
    const refused = await shelter.call('POST', '/api/v1/referrals', body);
    expect([refused.status, refused.body.code, refused.body.errors]).toEqual([422, 'reference_not_found', [expect.objectContaining({ path: 'body.clientId' })]]);
    expect(await t.db.select().from(schema.referrals).where(eq(schema.referrals.sendingOrgId, w.other.id))).toHaveLength(0);
    await w.sent();
    const linked = await w.cboStaff.call('POST', '/api/v1/referrals', body);
    expect([linked.status, linked.body.clientId, linked.body.senderContactName]).toEqual([201, w.client.id, 'Pat Pantry']);
  });

  it('creates through an API key (no person: no sender contact read) with the client and service checked', async () => {
    const w = await world(t);
    const key = await apiKey(t, w.clinic, ['referrals:read', 'referrals:write']);
    const res = await key('POST', '/api/v1/referrals', { clientId: w.client.id, receivingServiceId: w.service.id, needs: ['food-insecurity'] });
    expect([res.status, res.body.receivingOrganizationId, res.body.sendingUserId, res.body.senderContactName, res.body.senderContactEmail]).toEqual([201, w.cbo.id, null, null, null]);
  });

  it('refuses a service of another organization than the receiver (422 reference_not_found)', async () => {
    const w = await world(t);
    const shelterService = await newService(t.db, w.other.id);
    const res = await w.chw.call('POST', '/api/v1/referrals', { receivingOrganizationId: w.cbo.id, receivingServiceId: shelterService.id });
    expect([res.status, res.body.code, res.body.errors]).toEqual([422, 'reference_not_found', [expect.objectContaining({ path: 'body.receivingServiceId' })]]);
    const fromService = await w.chw.call('POST', '/api/v1/referrals', { receivingServiceId: shelterService.id });
    expect([fromService.status, fromService.body.receivingOrganizationId]).toEqual([201, w.other.id]);
  });

  it('counts a BAA for the packet of a draft as it does for sending', async () => {
    const w = await world(t);
    await t.db.update(schema.consents).set({ revokedAt: new Date(), revocationReason: 'test' }).where(eq(schema.consents.id, w.consent.id));
    const d = await w.draft();
    expect((d as unknown as { packetMissing: { field: string }[] }).packetMissing.map((m) => m.field)).toEqual(['consent']);
    const [baa] = await t.db.insert(schema.agreements).values({ kind: 'baa', status: 'active', title: 'BAA' }).returning();
    await t.db.insert(schema.agreementParties).values([w.clinic.id, w.cbo.id].map((organizationId) => ({ agreementId: baa!.id, organizationId })));
    expect((await w.chw.call('GET', `/api/v1/referrals/${d.id}`)).body.packetMissing).toEqual([]);
    expect((await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version })).status).toBe(200);
  });

  it('names a duplicate’s sending time exactly as its own detail does', async () => {
    const w = await world(t);
    const first = await w.sent();
    const d = await w.draft({ needs: ['food-insecurity'] });
    const refused = await w.chw.call('POST', `/api/v1/referrals/${d.id}/send`, { version: d.version });
    expect(refused.body.duplicates).toEqual([expect.objectContaining({ referralId: first.id, sentAt: (first as unknown as { sentAt: string }).sentAt, needs: ['food-insecurity'] })]);
  });
});
