import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, parseClientSearch } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

// The client record (PHI). The ['clients'] prefix and the detail/consents keys are the very keys
// of features/referrals/api/queries.ts (clientQueries) on purpose: both features read the same
// records, so a change in either refreshes both. Searches sit under ['clients', 'search'].
export const clientQueries = {
  all: ['clients'] as const,
  searches: () => [...clientQueries.all, 'search'] as const,
  search: (q: string) =>
    infiniteQueryOptions({
      queryKey: [...clientQueries.searches(), q] as const,
      queryFn: ({ pageParam }) => apiCall(api.searchClients, { query: { q, limit: 20, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: parseClientSearch(q) !== null,
    }),
  details: () => [...clientQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...clientQueries.details(), id] as const,
      queryFn: () => apiCall(api.getClient, { params: { id } }),
    }),
  consents: (id: string) =>
    queryOptions({
      queryKey: [...clientQueries.details(), id, 'consents'] as const,
      queryFn: () => apiCall(api.listConsents, { params: { id } }),
    }),
  referrals: (id: string) =>
    infiniteQueryOptions({
      queryKey: [...clientQueries.details(), id, 'referrals'] as const,
      queryFn: ({ pageParam }) => apiCall(api.listClientReferrals, { params: { id }, query: { limit: 25, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
