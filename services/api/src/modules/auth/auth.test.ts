import { schema } from '@tandem/db';
import { newOrg, newUser } from '@tandem/db/testing';
import { randomToken, sha256 } from '../../lib/crypto';
import { signIn, testApp, type TestApp } from '../../testing/app';

let t: TestApp;
beforeAll(async () => {
  // A stopped throttle clock: a throttle's wait cannot run out while a slow machine checks passwords.
  const frozen = new Date();
  t = await testApp({ loginMaxFailures: 3 }, { now: () => frozen });
});
afterAll(() => t.close());

describe('POST /api/v1/auth/login', () => {
  it('signs in with the right password and sets an httpOnly SameSite=Lax session cookie', async () => {
    const org = await newOrg(t.db, { name: 'Eastside Food Bank' });
    const u = await newUser(t.db, { org, role: 'staff' });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email.toUpperCase(), password: u.password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tandem_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ user: { email: u.email }, memberships: [{ organizationName: 'Eastside Food Bank', role: 'staff' }], isNetworkAdmin: false, coordinatesBoards: false });
  });

  it('refuses a wrong password with 401 invalid_credentials, and an unknown email the same way', async () => {
    const u = await newUser(t.db);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'nope-nope-nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@test.example', password: 'nope-nope-nope' } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'invalid_credentials']);
    expect([unknown.statusCode, unknown.json().code]).toEqual([401, 'invalid_credentials']);
  });

  it('throttles failed sign-ins per account and address: even the right password waits', async () => {
    const u = await newUser(t.db);
    for (let i = 0; i < 3; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'wrong-password' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    expect([res.statusCode, res.json().code]).toEqual([429, 'too_many_requests']);
    expect(res.headers['retry-after']).toBe('1');
  });

  it('refuses an invited user who has no password yet', async () => {
    const u = await newUser(t.db, { password: null });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: 'anything-at-all' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/v1/me and sign-out', () => {
  it('returns the user and memberships, then 401 after logout', async () => {
    const org = await newOrg(t.db);
    const u = await newUser(t.db, { org, role: 'org_admin' });
    const { cookie } = await signIn(t.app, u.email);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { id: u.id }, memberships: [{ organizationId: org.id, role: 'org_admin' }] });
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect([after.statusCode, after.json().code]).toEqual([401, 'unauthenticated']);
  });

  it('saves a language change', async () => {
    const u = await newUser(t.db);
    const { cookie } = await signIn(t.app, u.email);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'es' } });
    expect(res.json().user.locale).toBe('es');
  });
});

describe('invitations', () => {
  it('an org admin invites a new person, who sets a password and is signed in', async () => {
    const org = await newOrg(t.db);
    const admin = await newUser(t.db, { org, role: 'org_admin' });
    const { cookie } = await signIn(t.app, admin.email);
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/members`,
      headers: { cookie },
      payload: { email: 'new.chw@test.example', name: 'Nueva CHW', role: 'staff', locale: 'es' },
    });
    expect(inv.statusCode).toBe(201);
    const { member, invitation } = inv.json();
    expect(member).toMatchObject({ status: 'invited', role: 'staff' });
    const accept = await t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token: invitation.token, password: 'a-long-password-1' } });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().memberships[0]).toMatchObject({ organizationId: org.id, role: 'staff' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token: invitation.token, password: 'a-long-password-1' } });
    expect(again.statusCode).toBe(404);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'new.chw@test.example', password: 'a-long-password-1' } });
    expect(login.statusCode).toBe(200);
  });

  it('never lets an invitation token set the password of an account that already has one', async () => {
    const org = await newOrg(t.db);
    const u = await newUser(t.db);
    const token = randomToken();
    await t.db.insert(schema.invitations).values({ tokenHash: sha256(token), userId: u.id, organizationId: org.id, role: 'staff', expiresAt: new Date(Date.now() + 86_400_000) });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/accept-invitation', payload: { token, password: 'taken-over-password' } });
    expect(res.statusCode).toBe(404);
    expect(res.cookies.find((c) => c.name === 'tandem_session')).toBeUndefined();
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    expect(login.statusCode).toBe(200);
    expect(login.json().memberships).toEqual([]);
  });
});
