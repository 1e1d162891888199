import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, parseClientSearch } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

// The client record (PHI). Keys from lib/query-keys.ts: the referral builder reads the same
// `clients` keys, so a change in either feature refreshes both.
export const clientQueries = {
  search: (q: string) =>
    infiniteQueryOptions({
      queryKey: queryKeys.clients.search(q),
      queryFn: ({ pageParam }) => apiCall(api.searchClients, { query: { q, limit: 20, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: parseClientSearch(q) !== null,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.clients.detail(id),
      queryFn: () => apiCall(api.getClient, { params: { id } }),
    }),
  consents: (id: string) =>
    queryOptions({
      queryKey: queryKeys.clients.consents(id),
      queryFn: () => apiCall(api.listConsents, { params: { id } }),
    }),
  referrals: (id: string) =>
    infiniteQueryOptions({
      queryKey: queryKeys.referrals.ofClient(id),
      queryFn: ({ pageParam }) => apiCall(api.listClientReferrals, { params: { id }, query: { limit: 25, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
