import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const PAGE_SIZE = 50;

// Members of an organization and the network's user list share the `members` prefix (lib/query-keys.ts):
// adding, re-roling or removing a member changes both, and one invalidation refreshes both.
export const memberQueries = {
  list: (organizationId: string) =>
    infiniteQueryOptions({
      queryKey: queryKeys.members.list(organizationId),
      queryFn: ({ pageParam }) =>
        apiCall(api.listMembers, { params: { id: organizationId }, query: { limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  userList: (filters: { q?: string | undefined }) =>
    infiniteQueryOptions({
      queryKey: queryKeys.members.userList(filters),
      queryFn: ({ pageParam }) => apiCall(api.listUsers, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
