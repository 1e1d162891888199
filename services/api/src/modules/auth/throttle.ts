import type { Db } from '@tandem/db';
import { sha256 } from '../../lib/crypto';
import { authRepo, type ThrottleRow } from './repo';

/**
 * Sign-in throttling (docs/decisions/0003-auth-sessions-and-keys.md). No hard lock-out: each key
 * allows some free failures per window, then every further attempt must wait 2^k seconds (k grows by
 * one every `perDoubling` failures), capped at 15 minutes. Three keys, all in PostgreSQL
 * (`login_throttles`) so every API process agrees:
 *
 * - pair (account, address), free = loginMaxFailures (5), doubling on every failure, 24 h window.
 *   This is what stops one attacker guessing one account: after ~15 guesses they get one every
 *   15 minutes (~110 a day). A successful sign-in from the address resets the pair.
 * - account (any address), free = 4 × loginMaxFailures (20), doubling every 4 failures, 24 h window.
 *   Stops an attacker with many addresses (~150 guesses a day at most), growing slower than the
 *   pair so the owner elsewhere is only slowed. A pair that signed in successfully in the last
 *   30 days skips it: the owner is never shut out of an address they use, whatever an attacker does.
 * - address (IPv4, or IPv6 /64), free = 20 × loginMaxFailures (100) per hour, doubling every 10.
 *   Stops one address spraying many accounts; high enough that a clinic NAT with dozens of staff
 *   is not slowed by typos (one person's typos are held by their own pair long before this).
 *
 * The attempt is counted (as a failure) BEFORE the slow argon2 check, under row locks, so parallel
 * attempts beyond the allowance are refused without a password check; a success refunds it.
 * Unknown emails get the same bookkeeping, so answers and timing do not reveal whether one exists.
 */
export interface ThrottlePolicy {
  free: number;
  perDoubling: number;
  capSeconds: number;
  windowSeconds: number;
}

const CAP_SECONDS = 15 * 60;
const KNOWN_PAIR_MS = 30 * 86_400_000;

export const throttlePolicies = (loginMaxFailures: number) => ({
  pair: { free: loginMaxFailures, perDoubling: 1, capSeconds: CAP_SECONDS, windowSeconds: 86_400 },
  account: { free: 4 * loginMaxFailures, perDoubling: 4, capSeconds: CAP_SECONDS, windowSeconds: 86_400 },
  address: { free: 20 * loginMaxFailures, perDoubling: 10, capSeconds: CAP_SECONDS, windowSeconds: 3_600 },
});
type Scope = keyof ReturnType<typeof throttlePolicies>;

/** Seconds the next attempt waits after `failures` counted failures. */
export const delaySeconds = (p: ThrottlePolicy, failures: number) =>
  failures < p.free ? 0 : Math.min(p.capSeconds, 2 ** Math.floor((failures - p.free) / p.perDoubling));

/** The address as throttled: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 (one subscriber's block). */
export const throttleAddress = (ip: string) => {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
};

export interface ThrottleTicket {
  pairKey: string;
  refundKeys: string[];
}

export const createLoginThrottle = ({ db, loginMaxFailures, now }: { db: Db; loginMaxFailures: number; now: () => Date }) => {
  const policies = throttlePolicies(loginMaxFailures);

  return {
    /**
     * Counts this attempt as a failure of each key, or refuses it (nothing counted) with the
     * seconds to wait. Call before checking the password.
     */
    async begin(emailHash: string, ip: string): Promise<{ ticket: ThrottleTicket } | { retryAfterSeconds: number }> {
      const address = throttleAddress(ip);
      const keys: Record<Scope, string> = {
        pair: `pair:${sha256(`${emailHash}|${address}`)}`,
        account: `account:${emailHash}`,
        address: `address:${sha256(address)}`,
      };
      const at = now();
      await authRepo.ensureThrottleRows(db, Object.values(keys), at);
      return db.transaction(async (tx) => {
        const rows = new Map((await authRepo.lockThrottleRows(tx, Object.values(keys))).map((r) => [r.key, r]));
        const pair = rows.get(keys.pair);
        const known = !!pair?.lastSuccessAt && at.getTime() - pair.lastSuccessAt.getTime() < KNOWN_PAIR_MS;
        const scopes: Scope[] = known ? ['pair', 'address'] : ['pair', 'account', 'address'];
        let wait = 0;
        const next: ThrottleRow[] = scopes.map((scope) => {
          const p = policies[scope];
          const row = rows.get(keys[scope])!;
          const expired = at.getTime() - row.windowStart.getTime() >= p.windowSeconds * 1000;
          const blockedUntil = expired ? null : row.blockedUntil;
          if (blockedUntil && blockedUntil > at) wait = Math.max(wait, Math.ceil((blockedUntil.getTime() - at.getTime()) / 1000));
          const failures = (expired ? 0 : row.failures) + 1;
          return { key: row.key, failures, windowStart: expired ? at : row.windowStart, blockedUntil: new Date(at.getTime() + delaySeconds(p, failures) * 1000), lastSuccessAt: row.lastSuccessAt };
        });
        if (wait > 0) return { retryAfterSeconds: wait };
        await authRepo.saveThrottleRows(tx, next);
        return { ticket: { pairKey: keys.pair, refundKeys: scopes.filter((s) => s !== 'pair').map((s) => keys[s]) } };
      });
    },

    /** The password was right: reset the pair (and remember it), give back the other keys' count. */
    async succeeded(ticket: ThrottleTicket) {
      await authRepo.settleThrottleSuccess(db, ticket.pairKey, ticket.refundKeys, now());
    },
  };
};
