import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in its URL (so a list can be shared and survives a reload): the current
 * params, and `set` to change several at once; an empty value removes the parameter, and the
 * change replaces the history entry rather than adding one per keystroke.
 */
export const useUrlFilters = () => {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(changes)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  return [params, set] as const;
};

/** A URL parameter as one of `all` (an enum), or undefined: a hand-edited link cannot break the request. */
export const pickParam = <T extends string>(all: readonly T[], v: string | null) => ((all as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);
/** An id in a URL parameter (a UUID), or undefined. */
export const idParam = (v: string | null) => (v && isUuid(v) ? v : undefined);
