import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type Agreement = EndpointOutput<typeof api.getAgreement>;
export type CreateAgreementBody = EndpointInput<typeof api.createAgreement>['body'];
export type UpdateAgreementBody = NonNullable<EndpointInput<typeof api.updateAgreement>['body']>;
export type AgreementFilters = Omit<NonNullable<EndpointInput<typeof api.listAgreements>['query']>, 'limit' | 'cursor'>;

// Lists and details share the `agreements` prefix: a write invalidates `all` and every cached
// page and detail refetches.
export const agreementQueries = {
  list: (filters: AgreementFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.agreements.list(filters),
      queryFn: ({ pageParam }) => apiCall(api.listAgreements, { query: { ...filters, limit: 50, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.agreements.detail(id),
      queryFn: () => apiCall(api.getAgreement, { params: { id } }),
    }),
  /** Organizations to name as parties, by name (the public directory list). */
  partyOptions: (q: string) =>
    queryOptions({
      queryKey: queryKeys.organizations.named(q),
      queryFn: () => apiCall(api.listOrganizations, { query: { q: q || undefined, limit: 8 } }),
      staleTime: 60_000,
    }),
};
