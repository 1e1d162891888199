import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type EndpointInput, type EndpointOutput } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export type EngagementEvent = EndpointOutput<typeof api.getEngagementEvent>;
export type CreateEventBody = EndpointInput<typeof api.createEngagementEvent>['body'];
export type UpdateEventBody = NonNullable<EndpointInput<typeof api.updateEngagementEvent>['body']>;
export type EventFilters = Omit<NonNullable<EndpointInput<typeof api.listEngagementEvents>['query']>, 'limit' | 'cursor'>;

export const engagementQueries = {
  list: (filters: EventFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.engagementEvents.list(filters),
      queryFn: ({ pageParam }) => apiCall(api.listEngagementEvents, { query: { ...filters, limit: 50, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.engagementEvents.detail(id),
      queryFn: () => apiCall(api.getEngagementEvent, { params: { id } }),
    }),
  /** Partner organizations to choose, by name (the directory's list). */
  partnerOptions: (q: string) =>
    queryOptions({
      queryKey: queryKeys.organizations.named(q),
      queryFn: () => apiCall(api.listOrganizations, { query: { q: q || undefined, limit: 8 } }),
      staleTime: 60_000,
    }),
  /** Staff leads to choose: the network organization's people (those with a network role can lead). */
  staffOptions: (networkOrgId: string) =>
    queryOptions({
      queryKey: queryKeys.members.colleagues(networkOrgId),
      queryFn: () => apiCall(api.listColleagues, { params: { id: networkOrgId }, query: { limit: 200 } }),
      staleTime: 60_000,
    }),
};
