import { queryOptions } from '@tanstack/react-query';
import { api, type NetworkOverview, type Spa } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type OverviewFilters = { from?: string; to?: string; spa?: Spa };
export type { NetworkOverview };

export const networkOverviewQueries = {
  detail: (filters: OverviewFilters) =>
    queryOptions({
      queryKey: queryKeys.networkOverview.detail(filters),
      queryFn: () => apiCall(api.getNetworkOverview, { query: filters }),
    }),
};
