import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type OrgType, type Spa } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface OrgFilters {
  q?: string | undefined;
  type?: OrgType | undefined;
  spa?: Spa | undefined;
}

const PAGE_SIZE = 25;

// Keys from lib/query-keys.ts: the directory and the referral partner picker cache organizations
// under the same `organizations` prefix, so one invalidation reaches every screen.
export const orgQueries = {
  list: (filters: OrgFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.organizations.list(filters),
      queryFn: ({ pageParam }) => apiCall(api.listOrganizations, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.organizations.detail(id),
      queryFn: () => apiCall(api.getOrganization, { params: { id } }),
    }),
};
