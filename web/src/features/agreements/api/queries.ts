import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, type EndpointInput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';

export type AgreementFilters = Omit<NonNullable<EndpointInput<typeof api.listAgreements>['query']>, 'limit' | 'cursor'>;

export const agreementQueries = {
  all: ['agreements'] as const,
  lists: () => [...agreementQueries.all, 'list'] as const,
  list: (filters: AgreementFilters) =>
    infiniteQueryOptions({
      queryKey: [...agreementQueries.lists(), filters] as const,
      queryFn: ({ pageParam }) => apiCall(api.listAgreements, { query: { ...filters, limit: 50, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
