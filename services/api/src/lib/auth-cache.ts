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
 * - an entry lives at most `ttlMs` (AUTH_CACHE_SECONDS), which bounds how long another API
 *   process may still honour a signed-out session or a removed role (docs/scaling.md);
 * - a miss (unknown or expired token) is never cached, and a session past its expiry is refused
 *   by the caller even when cached.
 */
let generation = 0;

/** Empties every cache; call when a write that changes sessions, memberships or API keys has committed. */
export const authChanged = () => {
  generation++;
};

/** Runs such a write (a transaction, or one statement) and empties the caches when it is over, committed or not. */
export const changingAuth = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } finally {
    authChanged();
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
      if (e.generation !== generation || now - e.at >= ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    set(key, value, now = Date.now()) {
      if (ttlMs <= 0) return;
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
