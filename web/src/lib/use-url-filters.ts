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
