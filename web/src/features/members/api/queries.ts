import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

const PAGE_SIZE = 50;

// Members of an organization and the network's user list share one prefix: adding, re-roling or
// removing a member changes both, and one invalidation of `all` refreshes both.
export const memberQueries = {
  all: ['members'] as const,
  lists: () => [...memberQueries.all, 'list'] as const,
  list: (organizationId: string) =>
    infiniteQueryOptions({
      queryKey: [...memberQueries.lists(), organizationId] as const,
      queryFn: ({ pageParam }) =>
        apiCall(api.listMembers, { params: { id: organizationId }, query: { limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  userLists: () => [...memberQueries.all, 'users'] as const,
  userList: (filters: { q?: string | undefined }) =>
    infiniteQueryOptions({
      queryKey: [...memberQueries.userLists(), filters] as const,
      queryFn: ({ pageParam }) => apiCall(api.listUsers, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
