import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, type EndpointInput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type AgreementFilters = Omit<NonNullable<EndpointInput<typeof api.listAgreements>['query']>, 'limit' | 'cursor'>;

export const agreementQueries = {
  list: (filters: AgreementFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.agreements.list(filters),
      queryFn: ({ pageParam }) => apiCall(api.listAgreements, { query: { ...filters, limit: 50, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
