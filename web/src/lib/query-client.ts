import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
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
