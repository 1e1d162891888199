import { sql } from 'drizzle-orm';
import { newOrg } from '@tandem/db/testing';
import { member, testApp, type TestApp } from '../../testing/app';

// What the API does with webhooks before any worker has run on its database (a fresh install, the
// API started first): graphile-worker's schema is not there yet, and nothing may fail for it.
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t.close());

it('queues a test event, a redelivery and a resume with no worker schema yet, for the worker to pick up when it starts', async () => {
  expect((await t.db.execute(sql`select to_regnamespace('graphile_worker') as s`)).rows[0]).toEqual({ s: null });
  const org = await newOrg(t.db, { type: 'cbo' });
  const admin = await member(t, org, 'org_admin');
  const sub = await admin.call('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hooks', events: ['referral.sent'], organizationId: org.id });
  expect(sub.status).toBe(201);
  const test = await admin.call('POST', `/api/v1/webhooks/${sub.body.id}/test`);
  expect(test.status).toBe(202);
  expect(test.body).toMatchObject({ state: 'pending' });
  // Delivered later by the worker's start (webhooks.resume): the row waits.
  const waiting = await t.db.execute(sql`select count(*)::int as n from webhook_deliveries where subscription_id = ${sub.body.id} and state = 'pending'`);
  expect(waiting.rows[0]).toEqual({ n: 1 });

  await t.db.execute(sql`update webhook_deliveries set state = 'failed' where subscription_id = ${sub.body.id}`);
  const again = await admin.call('POST', `/api/v1/webhooks/${sub.body.id}/deliveries/${test.body.deliveryId}/redeliver`);
  expect(again.status).toBe(202);

  await t.db.execute(sql`update webhook_subscriptions set status = 'paused', paused_at = now(), version = version + 1 where id = ${sub.body.id}`);
  const resumed = await admin.call('POST', `/api/v1/webhooks/${sub.body.id}/resume`, { version: sub.body.version + 1 });
  expect(resumed.status).toBe(200);
});
