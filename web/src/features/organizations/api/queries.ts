import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type OrgType, type Spa } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

export interface OrgFilters {
  q?: string | undefined;
  type?: OrgType | undefined;
  spa?: Spa | undefined;
}

const PAGE_SIZE = 25;

// Lists and details share the `organizations` prefix, so one invalidation reaches every cached page.
export const orgQueries = {
  all: ['organizations'] as const,
  lists: () => [...orgQueries.all, 'list'] as const,
  list: (filters: OrgFilters) =>
    infiniteQueryOptions({
      queryKey: [...orgQueries.lists(), filters] as const,
      queryFn: ({ pageParam }) => apiCall(api.listOrganizations, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  details: () => [...orgQueries.all, 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...orgQueries.details(), id] as const,
      queryFn: () => apiCall(api.getOrganization, { params: { id } }),
    }),
};
