import { sql } from 'drizzle-orm';
import { newUser } from '@tandem/db/testing';
import { sha256 } from '../../lib/crypto';
import { testApp, type TestApp } from '../../testing/app';
import { AppError } from '../../lib/app-error';
import { createAuthService } from './service';
import { delaySeconds, throttleAddress, throttlePolicies } from './throttle';

// Sign-in throttling (defect 8 of the security run, issue 22). The app runs with the production
// default loginMaxFailures = 5; the numbers below follow from it (see throttle.ts).
// One clock for the app and the services built here: it only moves when a test moves it, so a
// throttle's wait never runs out while a slow machine is still checking passwords.
let clock = Date.parse('2026-12-01T08:00:00Z');
const now = () => new Date(clock);
const tick = (seconds: number) => (clock += seconds * 1000);

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ loginMaxFailures: 5 }, { now });
});
afterAll(() => t.close());

const login = (email: string, password: string, remoteAddress = '198.51.100.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

describe('sign-in throttling over HTTP', () => {
  it('40 parallel wrong passwords get at most the allowance of password checks; the rest are 429 with Retry-After', async () => {
    const u = await newUser(t.db);
    const all = await Promise.all(Array.from({ length: 40 }, () => login(u.email, 'wrong-password', '203.0.113.40')));
    // Every 401 is one password check (the throttle refuses before argon2 runs).
    const checked = all.filter((r) => r.statusCode === 401);
    const refused = all.filter((r) => r.statusCode === 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.length + refused.length).toBe(40);
    // The database recorded exactly those attempts on the account.
    const { rows } = await t.db.execute<{ failures: number }>(sql`select failures from login_throttles where key = ${`account:${sha256(u.email.toLowerCase())}`}`);
    expect(rows[0]?.failures).toBe(checked.length);
    for (const r of refused) {
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json()).toMatchObject({ code: 'too_many_requests', status: 429 });
      const after = Number(r.headers['retry-after']);
      expect(Number.isInteger(after) && after >= 1).toBe(true);
      expect(r.json().retryAfterSeconds).toBe(after);
    }
  });

  it('the owner still signs in from another address after an attacker has used up their allowance', async () => {
    const u = await newUser(t.db);
    await Promise.all(Array.from({ length: 20 }, () => login(u.email, 'attacker-guess', '203.0.113.66')));
    const owner = await login(u.email, u.password, '198.51.100.77');
    expect(owner.statusCode).toBe(200);
    // The attacker's own (account, address) pair stays throttled, even with the right password.
    expect((await login(u.email, u.password, '203.0.113.66')).statusCode).toBe(429);
  });

  it("several people's typos behind one clinic NAT do not stop a colleague at the same address", async () => {
    const nat = '192.0.2.10';
    const typists = await Promise.all([newUser(t.db), newUser(t.db), newUser(t.db), newUser(t.db)]);
    for (const u of typists) for (let i = 0; i < 5; i++) expect((await login(u.email, 'typo-typo-typo', nat)).statusCode).toBe(401);
    const colleague = await newUser(t.db);
    expect((await login(colleague.email, colleague.password, nat)).statusCode).toBe(200);
  });

  it('a morning rush at one NAT (parallel right and wrong passwords on the shared address) all get answers, no deadlock', async () => {
    const nat = '192.0.2.30';
    const staff = await Promise.all(Array.from({ length: 12 }, () => newUser(t.db)));
    const res = await Promise.all(staff.flatMap((u) => [login(u.email, u.password, nat), login(u.email, 'typo-typo', nat)]));
    expect(res.filter((r, i) => i % 2 === 0).map((r) => r.statusCode)).toEqual(staff.map(() => 200));
    expect(res.filter((r, i) => i % 2 === 1).map((r) => r.statusCode)).toEqual(staff.map(() => 401));
  });

  it('an unknown email is throttled exactly like a real one (same answers, so nothing says whether it exists)', async () => {
    const u = await newUser(t.db);
    const answers = async (email: string, ip: string) => {
      const out: number[] = [];
      for (let i = 0; i < 7; i++) out.push((await login(email, 'wrong-password', ip)).statusCode);
      return out;
    };
    const real = await answers(u.email, '203.0.113.91');
    const unknown = await answers('nobody-here@test.example', '203.0.113.92');
    expect(real).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(unknown).toEqual(real);
  });
});

describe('sign-in throttling with a controlled clock', () => {
  const svc = () => createAuthService({ db: t.db, sessionTtlHours: 12, loginMaxFailures: 5, now });
  /** 'ok', 'wrong', or the Retry-After in seconds. */
  const attempt = async (email: string, password: string, ip: string): Promise<'ok' | 'wrong' | number> => {
    try {
      await svc().login(email, password, ip, undefined);
      return 'ok';
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'invalid_credentials') return 'wrong';
      expect(e.code).toBe('too_many_requests');
      return e.extra.retryAfterSeconds as number;
    }
  };

  it('after the free failures each further attempt waits twice as long, capped at 15 minutes', async () => {
    const u = await newUser(t.db);
    const ip = '203.0.113.5';
    for (let i = 0; i < 5; i++) expect(await attempt(u.email, 'wrong-password', ip)).toBe('wrong');
    const waits: number[] = [];
    for (let k = 0; k < 14; k++) {
      const wait = await attempt(u.email, 'wrong-password', ip);
      expect(typeof wait).toBe('number');
      waits.push(wait as number);
      tick(wait as number);
      expect(await attempt(u.email, 'wrong-password', ip)).toBe('wrong');
    }
    expect(waits.slice(0, 11)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
    expect(waits.slice(11)).toEqual([900, 900, 900]);
    // Even the right password waits while throttled.
    expect(typeof (await attempt(u.email, u.password, ip))).toBe('number');
  });

  it('a successful sign-in resets its (account, address) pair', async () => {
    const u = await newUser(t.db);
    const ip = '203.0.113.6';
    for (let i = 0; i < 7; i++) {
      const r = await attempt(u.email, 'wrong-password', ip);
      if (typeof r === 'number') tick(r);
    }
    const wait = await attempt(u.email, u.password, ip);
    expect(typeof wait).toBe('number');
    tick(wait as number);
    expect(await attempt(u.email, u.password, ip)).toBe('ok');
    // The five free failures are back.
    for (let i = 0; i < 5; i++) expect(await attempt(u.email, 'wrong-password', ip)).toBe('wrong');
    expect(typeof (await attempt(u.email, 'wrong-password', ip))).toBe('number');
  });

  it('failures from many addresses slow the account down, but never shut the owner out of an address they signed in from', async () => {
    const u = await newUser(t.db);
    const home = '198.51.100.200';
    expect(await attempt(u.email, u.password, home)).toBe('ok');
    // An attacker with 8 addresses spends each one's free failures: 40 on the account.
    // (Past the account's free failures it makes them wait too: the loop waits as told.)
    for (let a = 0; a < 8; a++) {
      for (let failures = 0; failures < 5; ) {
        const r = await attempt(u.email, 'guess', `203.0.113.${100 + a}`);
        if (r === 'wrong') failures++;
        else if (typeof r === 'number') tick(r);
        else throw new Error(`unexpected answer ${String(r)}`);
      }
    }
    // A fresh address now waits on the account's (slower-growing) throttle...
    const fresh = await attempt(u.email, 'guess', '203.0.113.150');
    expect(typeof fresh).toBe('number');
    expect(fresh as number).toBeLessThan(900);
    // ...but the owner at home signs in at once.
    expect(await attempt(u.email, u.password, home)).toBe('ok');
  });

  it('one person failing 20 times at an address does not slow down others at that address', async () => {
    const nat = '192.0.2.20';
    const clumsy = await newUser(t.db);
    let failures = 0;
    for (let tries = 0; failures < 20 && tries < 60; tries++) {
      const r = await attempt(clumsy.email, 'typo', nat);
      if (r === 'wrong') failures++;
      else if (typeof r === 'number') tick(r);
    }
    expect(failures).toBe(20);
    const others = await Promise.all([newUser(t.db), newUser(t.db), newUser(t.db)]);
    for (const o of others) expect(await attempt(o.email, o.password, nat)).toBe('ok');
  });
});

describe('throttle rules', () => {
  it('throttles IPv6 by its /64 and IPv4 (also IPv4-mapped) by the address', () => {
    expect(throttleAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('the account grows slower than the pair, and the address allows a busy NAT far more', () => {
    const p = throttlePolicies(5);
    expect([p.pair.free, p.account.free, p.address.free]).toEqual([5, 20, 100]);
    expect([delaySeconds(p.pair, 4), delaySeconds(p.pair, 5), delaySeconds(p.pair, 8), delaySeconds(p.pair, 40)]).toEqual([0, 1, 8, 900]);
    expect([delaySeconds(p.account, 19), delaySeconds(p.account, 20), delaySeconds(p.account, 28), delaySeconds(p.account, 40)]).toEqual([0, 1, 4, 32]);
    expect([delaySeconds(p.address, 99), delaySeconds(p.address, 100), delaySeconds(p.address, 130)]).toEqual([0, 1, 8]);
  });
});
