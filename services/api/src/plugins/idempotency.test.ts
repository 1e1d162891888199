import { and, eq, sql } from 'drizzle-orm';
import { schema } from '@tandem/db';
import { createTestDatabase, newOrg, newUser } from '@tandem/db/testing';
import { buildApp } from '../app';
import { testConfig } from '../config';
import { signIn, type TestApp } from '../testing/app';
import { world } from '../modules/referrals/testing';
import { auditInsert, recordAudit } from '../lib/audit';
import { writeTogether } from '../lib/batch';

/** The header that makes a request fail with a 500 after its handler ran (and its write committed). */
const FAIL_AFTER_COMMIT = 'x-test-fail-after-commit';

/**
 * The real app on its own database, plus one hook: a request carrying FAIL_AFTER_COMMIT fails
 * while its answer is serialized, after the handler's transaction committed, as a response that
 * cannot be serialized or a lost connection to the store of answers would.
 */
const appFailingAfterCommit = async (): Promise<TestApp> => {
  const tdb = await createTestDatabase();
  const app = await buildApp(testConfig(tdb.url));
  app.addHook('preSerialization', async (req) => {
    if (req.headers[FAIL_AFTER_COMMIT]) throw new Error('failed after the write committed');
  });
  await app.ready();
  return {
    app,
    db: app.db,
    url: tdb.url,
    close: async () => {
      await app.close();
      await tdb.drop();
    },
  };
};

let t: TestApp;
let cookie: string;
let adminId: string;
beforeAll(async () => {
  t = await appFailingAfterCommit();
  const admin = await newUser(t.db, { org: await newOrg(t.db), role: 'network_admin' });
  adminId = admin.id;
  ({ cookie } = await signIn(t.app, admin.email));
});
afterAll(() => t.close());

const countNamed = async (name: string) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(schema.organizations).where(sql`${schema.organizations.name} = ${name}`))[0]!.n;

describe('Idempotency-Key on POST', () => {
  it('a retried create returns the first answer and makes one row', async () => {
    const headers = { cookie, 'idempotency-key': 'create-org-1' };
    const payload = { name: 'Idempotent Pantry', type: 'cbo' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(await countNamed('Idempotent Pantry')).toBe(1);
  });

  it('the same key with another body → 422 idempotency_key_reused, nothing written', async () => {
    const headers = { cookie, 'idempotency-key': 'create-org-2' };
    await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: { name: 'First Body', type: 'cbo' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: { name: 'Second Body', type: 'cbo' } });
    expect([res.statusCode, res.json().code]).toEqual([422, 'idempotency_key_reused']);
    expect(await countNamed('Second Body')).toBe(0);
  });

  it('concurrent retries still make one row', async () => {
    const headers = { cookie, 'idempotency-key': 'create-org-3' };
    const payload = { name: 'Concurrent Pantry', type: 'cbo' };
    const results = await Promise.all([1, 2, 3].map(() => t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload })));
    expect(results.map((r) => r.statusCode).every((s) => s === 201 || s === 409)).toBe(true);
    expect(await countNamed('Concurrent Pantry')).toBe(1);
  });

  it('keys are per caller: another user with the same key creates their own', async () => {
    const other = await newUser(t.db, { org: await newOrg(t.db), role: 'network_admin' });
    const c2 = (await signIn(t.app, other.email)).cookie;
    const payload = { name: 'Per Caller Pantry', type: 'cbo' };
    await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'shared-key' }, payload });
    await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie: c2, 'idempotency-key': 'shared-key' }, payload });
    expect(await countNamed('Per Caller Pantry')).toBe(2);
  });
});

describe('Idempotency-Key on an answer that carries a secret', () => {
  it('a new API key\'s secret is never stored with the key: a retry is told the key was made, and gets no secret', async () => {
    const org = await newOrg(t.db);
    const headers = { cookie, 'idempotency-key': 'api-key-secret-1' };
    const payload = { name: 'Sync job', scopes: ['referrals:read'] };
    const first = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/api-keys`, headers, payload });
    expect(first.statusCode).toBe(201);
    const secret = first.json().secret as string;
    expect(secret.length).toBeGreaterThan(10);
    const [row] = await t.db.select().from(schema.idempotencyKeys).where(and(eq(schema.idempotencyKeys.actor, adminId), eq(schema.idempotencyKeys.key, 'api-key-secret-1')));
    expect(JSON.stringify(row)).not.toContain(secret);
    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${org.id}/api-keys`, headers, payload });
    expect([retry.statusCode, retry.json().code, retry.json().entity?.type]).toEqual([409, 'idempotency_key_committed', 'api_key']);
    expect(retry.body).not.toContain(secret);
    const keys = await t.db.select().from(schema.apiKeys).where(eq(schema.apiKeys.organizationId, org.id));
    expect(keys).toHaveLength(1);
  });
});

describe('Idempotency-Key: a key whose write committed never writes again', () => {
  const keyRow = async (key: string) => (await t.db.select().from(schema.idempotencyKeys).where(and(eq(schema.idempotencyKeys.actor, adminId), eq(schema.idempotencyKeys.key, key))))[0];

  it('a create that committed and then failed with a 5xx, retried with the same key, is not written again', async () => {
    const headers = { cookie, 'idempotency-key': 'commit-then-500' };
    const payload = { name: 'Committed Then Failed Pantry', type: 'cbo' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { ...headers, [FAIL_AFTER_COMMIT]: '1' }, payload });
    expect(first.statusCode).toBe(500);
    expect(await countNamed(payload.name)).toBe(1);
    const retry = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect(await countNamed(payload.name)).toBe(1);
    const [org] = await t.db.select().from(schema.organizations).where(eq(schema.organizations.name, payload.name));
    expect([retry.statusCode, retry.json().code, retry.json().entity]).toEqual([409, 'idempotency_key_committed', { type: 'organization', id: org!.id }]);
    expect(retry.headers.location).toBe(`/api/v1/organizations/${org!.id}`);
  });

  it('the single-statement referral create marks its key too: a 5xx after commit, then a retry, makes one referral', async () => {
    const w = await world(t);
    const body = { clientId: w.client.id, receivingOrganizationId: w.cbo.id, needs: ['food-insecurity'] };
    const key = { 'idempotency-key': `create-then-500-${w.client.id}` };
    const one = await w.chw.call('POST', '/api/v1/referrals', body, { ...key, [FAIL_AFTER_COMMIT]: '1' });
    const two = await w.chw.call('POST', '/api/v1/referrals', body, key);
    const rows = await t.db.select().from(schema.referrals).where(eq(schema.referrals.sendingOrgId, w.clinic.id));
    expect([one.status, two.status, two.body.code, rows.length]).toEqual([500, 409, 'idempotency_key_committed', 1]);
    expect(two.headers.location).toBe(`/api/v1/referrals/${rows[0]!.id}`);
  });

  it('a client create that shows matches (each audited as a read) names the created client, not a match, to a retry after a 5xx', async () => {
    const w = await world(t);
    // The same person already registered: the create answers it as a likely match, audited as a read.
    const body = { givenName: 'Rosa', familyName: w.client.familyName, dateOfBirth: w.client.dateOfBirth };
    const key = { 'idempotency-key': `client-then-500-${w.client.id}` };
    const one = await w.chw.call('POST', '/api/v1/clients', body, { ...key, [FAIL_AFTER_COMMIT]: '1' });
    const two = await w.chw.call('POST', '/api/v1/clients', body, key);
    const made = await t.db.select().from(schema.clients).where(and(eq(schema.clients.familyName, w.client.familyName), sql`${schema.clients.id} <> ${w.client.id}`));
    expect([one.status, two.status, two.body.code, made.length]).toEqual([500, 409, 'idempotency_key_committed', 1]);
    expect([two.body.entity, two.headers.location]).toEqual([{ type: 'client', id: made[0]!.id }, `/api/v1/clients/${made[0]!.id}`]);
  });

  it('a read receipt that committed and then failed with a 5xx is not applied again by a retry: a message that came since stays unread', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = { 'idempotency-key': `read-then-500-${r.id}` };
    const one = await w.chw.call('POST', `/api/v1/referrals/${r.id}/read`, undefined, { ...key, [FAIL_AFTER_COMMIT]: '1' });
    const readAt = async () => (await t.db.select().from(schema.referralReads).where(and(eq(schema.referralReads.referralId, r.id), eq(schema.referralReads.userId, w.chw.user.id))))[0]!.lastReadAt;
    const first = await readAt();
    // The receiver writes after the first request; the retry must not mark that message read.
    expect((await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/messages`, { body: 'We called, no answer yet' })).status).toBe(201);
    const two = await w.chw.call('POST', `/api/v1/referrals/${r.id}/read`, undefined, key);
    expect([one.status, two.status, two.body.code, two.headers.location]).toEqual([500, 409, 'idempotency_key_committed', `/api/v1/referrals/${r.id}`]);
    expect(await readAt()).toEqual(first);
  });

  it('read-all that committed and then failed with a 5xx is not applied again by a retry: a notification that came since stays unread', async () => {
    const w = await world(t);
    const user = w.chw.user.id;
    const key = { 'idempotency-key': `read-all-then-500-${user}` };
    await t.db.insert(schema.notifications).values({ userId: user, kind: 'test', title: 'Before' });
    const one = await w.chw.call('POST', '/api/v1/notifications/read-all', undefined, { ...key, [FAIL_AFTER_COMMIT]: '1' });
    await t.db.insert(schema.notifications).values({ userId: user, kind: 'test', title: 'Since' });
    const two = await w.chw.call('POST', '/api/v1/notifications/read-all', undefined, key);
    const rows = await t.db.select().from(schema.notifications).where(eq(schema.notifications.userId, user));
    expect([one.status, two.status, two.body.code]).toEqual([500, 409, 'idempotency_key_committed']);
    expect(rows.map((n) => [n.title, n.readAt !== null]).sort()).toEqual([['Before', true], ['Since', false]]);
  });

  it('a transition (one statement with its version check) marks its key: a retry after a 5xx is told it took effect', async () => {
    const w = await world(t);
    const r = await w.sent();
    const key = { 'idempotency-key': `tr-then-500-${r.id}` };
    // With its version the retry could not apply twice anyway (stale_version); what is checked
    // here is that the statement marked the key, so the retry is told it took effect.
    const body = { to: 'accepted', version: r.version };
    const one = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, body, { ...key, [FAIL_AFTER_COMMIT]: '1' });
    const two = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/transitions`, body, key);
    const events = await t.db.select().from(schema.referralEvents).where(and(eq(schema.referralEvents.referralId, r.id), eq(schema.referralEvents.toStatus, 'accepted')));
    expect([one.status, two.status, two.body.code, events.length]).toEqual([500, 409, 'idempotency_key_committed', 1]);
  });

  it('a key claimed by a request that died before committing is re-claimed after its lease, and written once', async () => {
    const payload = { name: 'Died Before Commit Pantry', type: 'cbo' };
    const headers = { cookie, 'idempotency-key': 'died-before-commit' };
    // What a request killed before its write leaves behind: the claim, with its lease run out.
    const probe = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'probe-hash' }, payload });
    const requestHash = (await keyRow('probe-hash'))!.requestHash;
    await t.db.execute(sql`delete from organizations where id = ${probe.json().id}::uuid`);
    await t.db.insert(schema.idempotencyKeys).values({
      actor: adminId,
      key: 'died-before-commit',
      method: 'POST',
      path: '/api/v1/organizations',
      requestHash,
      claim: '00000000-0000-4000-8000-000000000001',
      createdAt: sql`now() - interval '5 minutes'`,
      leaseUntil: sql`now() - interval '4 minutes'`,
    });
    const retry = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect(retry.statusCode).toBe(201);
    expect(await countNamed(payload.name)).toBe(1);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload });
    expect([again.statusCode, again.headers['idempotent-replayed'], again.json().id]).toEqual([201, 'true', retry.json().id]);
    expect(await countNamed(payload.name)).toBe(1);
  });

  it('a key whose lease still runs answers 409 in progress with Retry-After, and writes nothing', async () => {
    const payload = { name: 'Still Running Pantry', type: 'cbo' };
    const probe = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'probe-running' }, payload });
    await t.db.execute(sql`delete from organizations where id = ${probe.json().id}::uuid`);
    await t.db.insert(schema.idempotencyKeys).values({
      actor: adminId,
      key: 'still-running',
      method: 'POST',
      path: '/api/v1/organizations',
      requestHash: (await keyRow('probe-running'))!.requestHash,
      claim: '00000000-0000-4000-8000-000000000002',
      leaseUntil: sql`now() + interval '30 seconds'`,
    });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'still-running' }, payload });
    expect([res.statusCode, res.json().code]).toEqual([409, 'idempotency_in_progress']);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countNamed(payload.name)).toBe(0);
  });

  it('a key whose write committed but whose answer was never stored (crash after commit) does not write again, even after its lease', async () => {
    const payload = { name: 'Crashed After Commit Pantry', type: 'cbo' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'crash-after-commit' }, payload });
    expect(first.statusCode).toBe(201);
    // The process died between the commit and storing the answer: the answer is gone, the lease ran out.
    await t.db
      .update(schema.idempotencyKeys)
      .set({ statusCode: null, responseBody: null, responseHeaders: null, completedAt: null, leaseUntil: sql`now() - interval '1 minute'` })
      .where(and(eq(schema.idempotencyKeys.actor, adminId), eq(schema.idempotencyKeys.key, 'crash-after-commit')));
    const retry = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { cookie, 'idempotency-key': 'crash-after-commit' }, payload });
    expect([retry.statusCode, retry.json().code, retry.headers.location]).toEqual([409, 'idempotency_key_committed', `/api/v1/organizations/${first.json().id}`]);
    expect(await countNamed(payload.name)).toBe(1);
  });

  it('a request whose claim was taken over after its lease cannot commit: its write is undone', async () => {
    // Between the claim and the write, the lease ran out and a retry took the key over.
    await t.db.insert(schema.idempotencyKeys).values({ actor: 'lost', key: 'lost-claim', method: 'POST', path: '/x', requestHash: 'h', claim: '00000000-0000-4000-8000-000000000003' });
    const ctx = { actor: { kind: 'anonymous' as const }, requestId: 'req-lost', ip: '127.0.0.1', idempotency: { actor: 'lost', key: 'lost-claim', claim: '00000000-0000-4000-8000-000000000004' } };
    const entry = { action: 'organization.create', entityType: 'organization' };
    const inTransaction = t.db.transaction(async (tx) => {
      await tx.insert(schema.organizations).values({ name: 'Lost Claim Pantry', type: 'cbo' });
      await recordAudit(tx, ctx, entry);
    });
    await expect(inTransaction).rejects.toThrow();
    const oneStatement = writeTogether(t.db, [sql`insert into organizations (name, type) values ('Lost Claim Pantry', 'cbo')`, auditInsert(t.db, ctx, entry)]);
    await expect(oneStatement).rejects.toThrow();
    expect(await countNamed('Lost Claim Pantry')).toBe(0);
    const [row] = await t.db.select().from(schema.idempotencyKeys).where(eq(schema.idempotencyKeys.key, 'lost-claim'));
    expect(row!.committedAt).toBeNull();
  });
});
