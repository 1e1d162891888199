import net from 'node:net';
import { sql } from 'drizzle-orm';
import { newApplicationRow, newBoardRow, newOrg } from '@tandem/db/testing';
import { caller, member, signIn, testApp, type TestApp } from '@tandem/api/src/testing/app';
import { world } from '@tandem/api/src/modules/referrals/testing';
import { startMailCatcher, type CaughtEmail, type MailCatcher } from './mail-catcher';
import { startWorker } from './worker';

// The same mail catcher `npm start` runs (MailDev), on free ports; a real worker on the test database.
const APP_URL = 'http://tandem.test';
let t: TestApp;
let catcher: MailCatcher;
let worker: Awaited<ReturnType<typeof startWorker>>;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const to = (address: string) => async () => (await catcher.messages()).filter((m) => m.to.some((a) => a.address.toLowerCase() === address.toLowerCase()));
/** The messages to `address` once there are `n` of them (waits for the worker). */
const inbox = async (address: string, n = 1, ms = 20_000): Promise<CaughtEmail[]> => {
  for (const end = Date.now() + ms; ; await sleep(100)) {
    const got = await to(address)();
    if (got.length >= n) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${n} email(s) to ${address} (got ${got.length})`);
  }
};
/** Every queued email was sent (so the absence of one is no race with the worker). */
const drained = async () => {
  for (const end = Date.now() + 20_000; ; await sleep(100)) {
    const r = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from outgoing_emails where sent_at is null`);
    if (r.rows[0]!.n === 0) return;
    if (Date.now() > end) throw new Error('emails left unsent');
  }
};
const tokenIn = (m: CaughtEmail, path: string) => new RegExp(`${APP_URL.replace(/\./g, '\\.')}${path}\\?token=([\\w-]+)`).exec(m.text)?.[1];

beforeAll(async () => {
  t = await testApp();
  catcher = await startMailCatcher({ smtpPort: await freePort(), webPort: await freePort() });
  worker = await startWorker({
    databaseUrl: t.url,
    concurrency: 2,
    logLevel: 'silent',
    delivery: { allowPrivateUrls: true, timeoutMs: 5_000, retryWindowMs: 60_000, backoffBaseMs: 200, backoffMaxMs: 1_000 },
    email: { smtpUrl: catcher.smtpUrl, appUrl: APP_URL, from: 'Tandem <no-reply@tandem.test>' },
  });
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await catcher?.stop();
  await t?.close();
});

describe('outgoing email through the worker and the mail catcher', () => {
  it('an invitation carries its link and nothing about anyone; the link sets the password', async () => {
    const w = await world(t);
    const admin = await member(t, w.cbo, 'org_admin', 'Olga Admin');
    const res = await admin.call('POST', `/api/v1/organizations/${w.cbo.id}/members`, { email: 'new.hire@test.example', name: 'Nadia Newhire', role: 'staff' });
    expect(res.status).toBe(201);
    const [mail] = await inbox('new.hire@test.example');
    expect(mail!.subject).toBe('You are invited to Tandem');
    const token = tokenIn(mail!, '/accept-invitation');
    expect(token).toBe(res.body.invitation.token);
    for (const detail of ['Nadia', 'Olga', w.client.givenName, w.client.familyName]) expect(`${mail!.subject}\n${mail!.text}\n${mail!.html}`).not.toContain(detail);
    const accepted = await caller(t.app, {})('POST', '/api/v1/auth/accept-invitation', { token, password: 'a-new-password-1' });
    expect(accepted.status).toBe(200);
    // The token is gone from the stored message once sent.
    await drained();
    const stored = await t.db.execute<{ params: Record<string, string> }>(sql`select params from outgoing_emails where template = 'invitation'`);
    expect(stored.rows.every((r) => !('token' in r.params))).toBe(true);
  });

  it('password reset: request → email → confirm → sign in with the new password; a used, an expired, an unknown token is refused; an unknown email is 202 and gets nothing', async () => {
    const w = await world(t);
    const anon = caller(t.app, {});
    const email = w.cboStaff.user.email;
    const req = await anon('POST', '/api/v1/auth/password-reset', { email: email.toUpperCase() });
    expect([req.status, req.body]).toEqual([202, { accepted: true }]);
    const [mail] = await inbox(email);
    expect(mail!.subject).toBe('Reset your Tandem password');
    const token = tokenIn(mail!, '/reset-password')!;
    expect(token).toBeTruthy();

    const short = await anon('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'short' });
    expect(short.status).toBe(400);
    const ok = await anon('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'brand-new-password-2026' });
    expect(ok.status).toBe(204);
    // Every session of the account ended; the old password no longer works, the new one does.
    expect((await w.cboStaff.call('GET', '/api/v1/me')).status).toBe(401);
    expect((await anon('POST', '/api/v1/auth/login', { email, password: 'correct-horse-battery' })).status).toBe(401);
    const session = await signIn(t.app, email, 'brand-new-password-2026');
    expect((await caller(t.app, session)('GET', '/api/v1/me')).status).toBe(200);

    const reused = await anon('POST', '/api/v1/auth/password-reset/confirm', { token, password: 'another-password-2026' });
    expect([reused.status, reused.body.code]).toEqual([400, 'invalid_reset_token']);
    const unknown = await anon('POST', '/api/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'another-password-2026' });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'invalid_reset_token']);

    expect((await anon('POST', '/api/v1/auth/password-reset', { email })).status).toBe(202);
    const second = await inbox(email, 2);
    const expiring = tokenIn(second.find((m) => !m.text.includes(token))!, '/reset-password')!;
    await t.db.execute(sql`update password_reset_tokens set expires_at = now() - interval '1 minute' where used_at is null`);
    const expired = await anon('POST', '/api/v1/auth/password-reset/confirm', { token: expiring, password: 'another-password-2026' });
    expect([expired.status, expired.body.code]).toEqual([400, 'invalid_reset_token']);

    const nobody = await anon('POST', '/api/v1/auth/password-reset', { email: 'nobody-here@test.example' });
    expect([nobody.status, nobody.body]).toEqual([202, { accepted: true }]);
    await drained();
    expect(await to('nobody-here@test.example')()).toHaveLength(0);
  });

  it('a referral received: its staff who keep email on get one (in their language), one who turned it off gets none, and no email names the client or the need', async () => {
    const w = await world(t);
    const optedOut = await member(t, w.cbo, 'staff', 'Oscar Optout');
    const off = await optedOut.call('PUT', '/api/v1/me/notification-settings', { email: { 'referral.received': false }, version: 1 });
    expect([off.status, off.body.email['referral.received'], off.body.enabled['referral.received']]).toEqual([200, false, true]);
    const spanish = await member(t, w.cbo, 'staff', 'Sofía Staff');
    expect((await spanish.call('PATCH', '/api/v1/me', { locale: 'es' })).status).toBe(200);

    const r = await w.sent();
    const [en] = await inbox(w.cboStaff.user.email);
    const [es] = await inbox(spanish.user.email);
    expect(en!.subject).toBe('Your organization received a new referral');
    expect(es!.subject).toBe('Su organización recibió un nuevo referido');
    expect(es!.text).toContain('Inicie sesión para verlo');
    for (const m of [en!, es!]) {
      expect(m.text).toContain(`${APP_URL}/referrals/${r.id}`);
      for (const detail of [w.client.givenName, w.client.familyName, 'food', 'Family of four', '555-0199', 'Carla', 'R. T.']) expect(`${m.subject}\n${m.text}\n${m.html}`).not.toContain(detail);
    }
    await drained();
    expect(await to(optedOut.user.email)()).toHaveLength(0);
    // The in-app notification still reached the one who turned email off.
    const inApp = await optedOut.call('GET', '/api/v1/notifications');
    expect(inApp.body.data.map((n: { kind: string }) => n.kind)).toContain('referral.received');
  });

  it('a referral assigned: the assignee (not the one who assigned it) gets the assigned email', async () => {
    const w = await world(t);
    const assignee = await member(t, w.cbo, 'staff', 'Ana Assignee');
    const r = await w.sent();
    await inbox(w.cboStaff.user.email);
    const res = await w.cboStaff.call('POST', `/api/v1/referrals/${r.id}/assign`, { assigneeId: assignee.user.id });
    expect(res.status).toBe(200);
    const mails = await inbox(assignee.user.email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual(['A referral was assigned to you', 'Your organization received a new referral']);
    await drained();
    expect((await to(w.cboStaff.user.email)()).map((m) => m.subject)).toEqual(['Your organization received a new referral']);
  });

  it('a board decision reaches an applicant without an account at the address they gave, in their language, with the coordinator’s message and no one else’s details', async () => {
    const admin = await member(t, await newOrg(t.db), 'network_admin');
    const board = await newBoardRow(t.db, { name: 'Consejo de Reentrada' });
    const es = await newApplicationRow(t.db, board.id, { name: 'Rosa Díaz', email: 'rosa.applicant@example.org', locale: 'es' });
    const noEmail = await newApplicationRow(t.db, board.id, { name: 'Luis Paz', email: null, locale: 'es' });
    const message = 'Rosa: el consejo la eligió. La primera reunión es el 12 de enero.';
    const res = await admin.call('POST', `/api/v1/boards/${board.id}/applications/${es.id}/decision`, { decision: 'selected', message }, { 'if-match': '*' });
    expect(res.status).toBe(200);
    expect((await admin.call('POST', `/api/v1/boards/${board.id}/applications/${noEmail.id}/decision`, { decision: 'waitlisted' }, { 'if-match': '*' })).status).toBe(200);
    const [mail] = await inbox('rosa.applicant@example.org');
    expect(mail!.subject).toBe('Noticias sobre su solicitud a Consejo de Reentrada');
    expect(mail!.text).toContain(message);
    expect(mail!.text).toContain(`${APP_URL}/boards/${board.id}/public`);
    expect(mail!.text).not.toContain('Luis');
    await drained();
    // The applicant without an address gets the printed letter, not an email (nothing else was queued for them).
    const queued = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from outgoing_emails where template = 'board_decision'`);
    expect(queued.rows[0]!.n).toBe(1);
  });

  it('a message is sent once: a job run again for a sent message sends nothing', async () => {
    const w = await world(t);
    expect((await caller(t.app, {})('POST', '/api/v1/auth/password-reset', { email: w.chw.user.email })).status).toBe(202);
    await inbox(w.chw.user.email);
    await drained();
    const [row] = (await t.db.execute<{ id: string }>(sql`select id from outgoing_emails where template = 'password_reset' order by created_at desc limit 1`)).rows;
    const job = await worker.runner.addJob('send-email', { id: row!.id });
    for (const end = Date.now() + 20_000; ; await sleep(100)) {
      const left = await t.db.execute(sql`select 1 from graphile_worker.jobs where id = ${job.id}`);
      if (!left.rows.length) break;
      if (Date.now() > end) throw new Error('the job did not run');
    }
    expect(await to(w.chw.user.email)()).toHaveLength(1);
  });
});
