import { sql } from 'drizzle-orm';
import { newOrg } from '@tandem/db/testing';
import { apiKey, testApp, type TestApp } from '../testing/app';
import { AUTH_CHANNEL } from './auth-broadcast';

// The listening half of the cross-process broadcast, in one process: a notification from anyone
// empties the caches, and while the listening connection is lost nothing is cached.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ authCacheSeconds: 300 });
});
afterAll(async () => t.close());

const until = async (what: string, ok: () => Promise<boolean>, ms = 15_000) => {
  for (const end = Date.now() + ms; !(await ok()); await new Promise((r) => setTimeout(r, 50))) if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
};
const listeners = async () =>
  (await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'tandem-auth-listener' AND datname = current_database()`)).rows[0]!.n;
/** Revokes every key of the organization behind the app's back, as another process's write would. */
const revokeInDatabase = (orgId: string) => t.db.execute(sql`UPDATE api_keys SET revoked_at = now() WHERE organization_id = ${orgId}`);
const status = async (call: Awaited<ReturnType<typeof apiKey>>) => (await call('GET', '/api/v1/referrals')).status;

it('empties the caches when another process notifies, and caches nothing while its listener is lost', async () => {
  const org = await newOrg(t.db, { type: 'cbo' });
  const key = await apiKey(t, org, ['referrals:read']);
  expect(await status(key)).toBe(200);
  await revokeInDatabase(org.id);
  // Cached for five minutes: without a word from the writer the revoked key still passes here.
  expect(await status(key)).toBe(200);
  await t.db.execute(sql`SELECT pg_notify(${AUTH_CHANNEL}, 'another process')`);
  await until('the notification', async () => (await status(key)) === 401);

  // The listening connection is cut: until it listens again, every request looks itself up.
  const org2 = await newOrg(t.db, { type: 'cbo' });
  const key2 = await apiKey(t, org2, ['referrals:read']);
  expect(await status(key2)).toBe(200);
  await t.db.execute(sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'tandem-auth-listener' AND datname = current_database()`);
  await until('the listener to go', async () => (await listeners()) === 0);
  await new Promise((r) => setTimeout(r, 100));
  await revokeInDatabase(org2.id);
  expect(await status(key2)).toBe(401);

  // Listening again: caching again, and emptied by notifications again.
  await until('the listener to come back', async () => (await listeners()) === 1);
  await new Promise((r) => setTimeout(r, 100));
  const org3 = await newOrg(t.db, { type: 'cbo' });
  const key3 = await apiKey(t, org3, ['referrals:read']);
  expect(await status(key3)).toBe(200);
  await revokeInDatabase(org3.id);
  expect(await status(key3)).toBe(200);
  await t.db.execute(sql`SELECT pg_notify(${AUTH_CHANNEL}, 'another process')`);
  await until('the notification', async () => (await status(key3)) === 401);
});
