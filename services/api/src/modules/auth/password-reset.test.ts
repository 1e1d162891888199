import { sql } from 'drizzle-orm';
import { newUser } from '@tandem/db/testing';
import { caller, testApp, type TestApp } from '../../testing/app';

// The reset endpoints without a worker: what is stored and answered. Email delivery end to end:
// services/worker/src/email.test.ts.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ passwordResetsPerAddressHour: 4 });
});
afterAll(() => t.close());

/** A reset request from `address` (the throttle counts per address). */
const from = (address: string) => async (_m: 'POST', url: string, payload: object) => {
  const res = await t.app.inject({ method: 'POST', url, payload, remoteAddress: address });
  return { status: res.statusCode, body: JSON.parse(res.body) as { code?: string; accepted?: boolean }, headers: res.headers };
};
const queued = async (userId: string) =>
  (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from outgoing_emails where user_id = ${userId}::uuid and template = 'password_reset'`)).rows[0]!.n;

describe('password reset requests', () => {
  it('answer 202 alike for a known, an unknown and a deactivated email, store only a hash, send at most 3 links an hour per account, and refuse an address past its limit with 429 and Retry-After', async () => {
    const anon = from('203.0.113.9');
    const user = await newUser(t.db);
    const gone = await newUser(t.db);
    await t.db.execute(sql`update users set active = false where id = ${gone.id}::uuid`);
    const answers = [];
    for (const email of [user.email, 'nobody@test.example', gone.email, user.email]) answers.push(await anon('POST', '/api/v1/auth/password-reset', { email }));
    expect(answers.map((a) => [a.status, a.body])).toEqual(Array(4).fill([202, { accepted: true }]));
    expect(await queued(user.id)).toBe(2);
    expect(await queued(gone.id)).toBe(0);
    const tokens = await t.db.execute<{ token_hash: string }>(sql`select token_hash from password_reset_tokens where user_id = ${user.id}::uuid`);
    expect(tokens.rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);

    const limited = await anon('POST', '/api/v1/auth/password-reset', { email: user.email });
    expect([limited.status, limited.body.code]).toEqual([429, 'too_many_requests']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // Another address: the account's own limit (3 an hour) drops the fourth link silently.
    const other = from('198.51.100.7');
    for (let i = 0; i < 2; i++) expect((await other('POST', '/api/v1/auth/password-reset', { email: user.email })).status).toBe(202);
    expect(await queued(user.id)).toBe(3);
  });

  it('refuse a malformed token or a weak password as validation, and an unknown token as invalid_reset_token', async () => {
    const anon = caller(t.app, {});
    expect((await anon('POST', '/api/v1/auth/password-reset/confirm', { token: 'short', password: 'long-enough-password' })).status).toBe(400);
    const weak = await anon('POST', '/api/v1/auth/password-reset/confirm', { token: 'y'.repeat(43), password: 'short' });
    expect([weak.status, weak.body.code]).toEqual([400, 'validation_failed']);
    const unknown = await anon('POST', '/api/v1/auth/password-reset/confirm', { token: 'y'.repeat(43), password: 'long-enough-password' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'invalid_reset_token']);
  });
});
