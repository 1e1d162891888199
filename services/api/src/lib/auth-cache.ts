/**
 * A short-lived, in-process cache of who a session token or API key is, so that a signed-in
 * request does not cost a database round trip just to learn who is calling (on the bench machine
 * a round trip costs Node more CPU than the lookup costs PostgreSQL).
 *
 * What keeps it honest:
 * - every write in this process that changes who may do what (sign-out, member added, role
 *   changed or removed, API key revoked) runs through `changingAuth`, which empties every cache
 *   once the write has committed: in a single-process deployment the change takes effect on the
 *   next request. Emptying before the commit would let a request in between read the old row and
 *   cache it as current; and a lookup that was already running when the caches emptied is not
 *   kept (`through`);
 * - the same write then tells every other API process through PostgreSQL (NOTIFY on
 *   `tandem_auth_changed`, plugins/auth-broadcast.ts), and each empties its caches when the
 *   notification arrives; while a process is not listening (its listening connection is lost),
 *   its caches are off and every request looks itself up;
 * - an entry lives at most `ttlMs` (AUTH_CACHE_SECONDS), a last bound should a notification be
 *   lost anyway (docs/scaling.md);
 * - a miss (unknown or expired token) is never cached, and a session past its expiry is refused
 *   by the caller even when cached.
 */
let generation = 0;
/** How many of this process's listeners are not listening: while any is not, nothing is cached. */
let deaf = 0;
const broadcasts = new Set<() => Promise<void>>();

/** Empties every cache in this process; call when a write that changes sessions, memberships or API keys has committed. */
export const authChanged = () => {
  generation++;
};

/** Turns this process's caches off (`false`: a listener lost its connection) or back on, emptied (`true`). */
export const setListening = (listening: boolean) => {
  deaf += listening ? -1 : 1;
  generation++;
};

/** How a change reaches the other processes (plugins/auth-broadcast.ts); returns the unregistering function. */
export const onAuthChange = (broadcast: () => Promise<void>) => {
  broadcasts.add(broadcast);
  return () => void broadcasts.delete(broadcast);
};

/**
 * Runs such a write (a transaction, or one statement) and empties the caches when it is over,
 * committed or not: this process's at once, the others' before this returns (a broadcast that
 * fails is logged by its sender and the time to live bounds the rest).
 */
export const changingAuth = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } finally {
    authChanged();
    for (const broadcast of broadcasts) await broadcast().catch(() => undefined);
  }
};

export interface AuthCache<T> {
  get(key: string, now?: number): T | undefined;
  set(key: string, value: T, now?: number): void;
  /** The cached value, or what `fetch` finds (kept unless it found nothing). */
  through(key: string, fetch: () => Promise<T | undefined>): Promise<T | undefined>;
}

export const createAuthCache = <T>(ttlMs: number, maxEntries = 10_000): AuthCache<T> => {
  const entries = new Map<string, { value: T; at: number; generation: number }>();
  return {
    get(key, now = Date.now()) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (deaf > 0) {
        entries.delete(key);
        return undefined;
      }
      if (e.generation !== generation || now - e.at >= ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    set(key, value, now = Date.now()) {
      if (ttlMs <= 0 || deaf > 0) return;
      // Oldest first out (a Map iterates in insertion order).
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { value, at: now, generation });
    },
    async through(key, fetch) {
      const cached = this.get(key);
      if (cached !== undefined) return cached;
      // A change that lands while this lookup runs may have come after its read: not kept.
      const at = generation;
      const found = await fetch();
      if (found !== undefined && at === generation) this.set(key, found);
      return found;
    },
  };
};
