import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, type ServiceSearchQuery } from '@tandem/contract';
import { apiCall } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const PAGE_SIZE = 20;
const MAX_PAGE = 200;

/** Search filters as the page keeps them (strings from the URL, already checked against the enums). */
export type SearchFilters = Omit<ServiceSearchQuery, 'limit' | 'cursor'>;

// Keys come from lib/query-keys.ts: services, locations, contacts and organizations are each one
// resource whichever feature reads them (the referral partner picker reads the same caches).
export const serviceQueries = {
  search: (filters: SearchFilters) =>
    infiniteQueryOptions({
      queryKey: queryKeys.services.search(filters),
      queryFn: ({ pageParam }) => apiCall(api.searchServices, { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.services.detail(id),
      queryFn: () => apiCall(api.getService, { params: { id } }),
    }),
};

// An organization page shows every service, location and contact at once: one large page each.
export const organizationQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: queryKeys.organizations.detail(id),
      queryFn: () => apiCall(api.getOrganization, { params: { id } }),
    }),
  services: (id: string) =>
    queryOptions({
      queryKey: queryKeys.services.ofOrganization(id),
      queryFn: () => apiCall(api.listOrganizationServices, { params: { id }, query: { limit: MAX_PAGE } }),
    }),
  locations: (id: string) =>
    queryOptions({
      queryKey: queryKeys.locations.ofOrganization(id),
      queryFn: () => apiCall(api.listOrganizationLocations, { params: { id }, query: { limit: MAX_PAGE } }),
    }),
  contacts: (id: string) =>
    queryOptions({
      queryKey: queryKeys.contacts.ofOrganization(id),
      queryFn: () => apiCall(api.listOrganizationContacts, { params: { id }, query: { limit: MAX_PAGE } }),
    }),
  partnership: (id: string) =>
    queryOptions({
      queryKey: queryKeys.organizations.partnership(id),
      queryFn: () => apiCall(api.getPartnership, { params: { id } }),
    }),
  history: (id: string) =>
    infiniteQueryOptions({
      queryKey: queryKeys.organizations.history(id),
      queryFn: ({ pageParam }) => apiCall(api.getOrganizationHistory, { params: { id }, query: { limit: 25, cursor: pageParam } }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
};
