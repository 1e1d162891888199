import { MutationCache, QueryCache, QueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { ApiError } from '@tandem/contract/client';

const isUnauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401;

/**
 * The one QueryClient. A 401 from any query or mutation means the session ended; the app decides
 * what to do about it (it forgets the signed-in user, and the route guard sends them to sign in).
 */
export const createQueryClient = (onUnauthenticated: () => void) =>
  new QueryClient({
    queryCache: new QueryCache({ onError: (error) => isUnauthenticated(error) && onUnauthenticated() }),
    mutationCache: new MutationCache({ onError: (error) => isUnauthenticated(error) && onUnauthenticated() }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; network blips and 5xx might.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });

type ListPage<T> = { data: T[] };
const isInfiniteList = <T>(d: unknown): d is InfiniteData<ListPage<T>> => !!d && typeof d === 'object' && 'pages' in d;

/**
 * Rewrites the rows of every cached infinite list under `queryKey`, for an optimistic update;
 * other queries under the same key (counts, single pages) are left to their refetch.
 */
export const updateListRows = <T>(queryClient: QueryClient, queryKey: QueryKey, update: (row: T) => T) =>
  queryClient.setQueriesData({ queryKey }, (d: unknown) =>
    isInfiniteList<T>(d) ? { ...d, pages: d.pages.map((p) => ({ ...p, data: p.data.map(update) })) } : d,
  );
